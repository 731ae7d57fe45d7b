package io.github.luciajooq.testing;

import java.sql.SQLException;
import java.sql.Types;
import java.util.Objects;
import org.jooq.Binding;
import org.jooq.BindingGetResultSetContext;
import org.jooq.BindingGetSQLInputContext;
import org.jooq.BindingGetStatementContext;
import org.jooq.BindingRegisterContext;
import org.jooq.BindingSQLContext;
import org.jooq.BindingSetSQLOutputContext;
import org.jooq.BindingSetStatementContext;
import org.jooq.Converter;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;

/**
 * An application's binding for PostgreSQL's {@code INET}, read and written as text: the kind of forced type an
 * application adds for a type jOOQ does not know. It casts its bind markers ({@code ?::inet}).
 */
public final class InetBinding implements Binding<Object, String> {

    @Override
    public Converter<Object, String> converter() {
        return Converter.ofNullable(Object.class, String.class, Object::toString, text -> text);
    }

    @Override
    public void sql(BindingSQLContext<String> context) throws SQLException {
        if (context.render().paramType() == ParamType.INLINED) {
            context.render().visit(DSL.inline(context.convert(converter()).value())).sql("::inet");
        } else {
            context.render().sql(context.variable()).sql("::inet");
        }
    }

    @Override
    public void register(BindingRegisterContext<String> context) throws SQLException {
        context.statement().registerOutParameter(context.index(), Types.VARCHAR);
    }

    @Override
    public void set(BindingSetStatementContext<String> context) throws SQLException {
        context.statement().setString(context.index(), Objects.toString(context.convert(converter()).value(), null));
    }

    @Override
    public void set(BindingSetSQLOutputContext<String> context) throws SQLException {
        throw new SQLException("not supported");
    }

    @Override
    public void get(BindingGetResultSetContext<String> context) throws SQLException {
        context.convert(converter()).value(context.resultSet().getString(context.index()));
    }

    @Override
    public void get(BindingGetStatementContext<String> context) throws SQLException {
        context.convert(converter()).value(context.statement().getString(context.index()));
    }

    @Override
    public void get(BindingGetSQLInputContext<String> context) throws SQLException {
        throw new SQLException("not supported");
    }
}
