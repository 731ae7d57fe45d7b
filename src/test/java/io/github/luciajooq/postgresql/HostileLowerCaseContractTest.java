package io.github.luciajooq.postgresql;

import org.jooq.DSLContext;
import org.jooq.conf.RenderNameCase;

/** The contract on the application's hostile context ({@link HostileSettings}) with lower-cased names. */
class HostileLowerCaseContractTest extends DriverContract {

    @Override
    protected DSLContext applicationDsl() {
        return new HostileSettings().dsl(database, RenderNameCase.LOWER);
    }
}
