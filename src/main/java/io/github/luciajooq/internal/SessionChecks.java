package io.github.luciajooq.internal;

import io.github.luciajooq.SessionStoreException;
import io.github.luciajooq.SessionStoreException.Reason;
import io.github.luciajooq.spi.DatabaseSession;
import java.util.Map;
import org.jooq.Field;
import org.jooq.JSON;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.XML;

/**
 * The refusals every adapter makes before it writes: a session whose id, user id or attributes PostgreSQL could
 * not store exactly. Not API: it may change in any release.
 */
public final class SessionChecks {

    private SessionChecks() {}

    /**
     * Why this session cannot be stored exactly, or {@code null} when it can: a NUL character or a lone UTF-16
     * surrogate in its id ({@link Reason#INVALID_SESSION_ID}), its user id (no user can have it:
     * {@link Reason#UNKNOWN_USER}), an attribute's name ({@link Reason#UNKNOWN_ATTRIBUTE}) or text in an
     * attribute's value, JSON and arrays included ({@link Reason#INVALID_ATTRIBUTE_VALUE}). The message names the
     * argument or attribute and never repeats the session id.
     */
    public static SessionStoreException unstorable(DatabaseSession<?, ?> session) {
        String problem = StorableText.problem(session.id());
        if (problem != null) {
            return new SessionStoreException(Reason.INVALID_SESSION_ID, "the session id " + problem, null);
        }
        problem = session.userId() instanceof CharSequence userId ? StorableText.problem(userId) : null;
        if (problem != null) {
            return new SessionStoreException(Reason.UNKNOWN_USER,
                    "the session's userId " + problem + ", so no user can have it", null);
        }
        if (session.attributes() instanceof Map<?, ?> attributes) {
            for (Map.Entry<?, ?> attribute : attributes.entrySet()) {
                String name = String.valueOf(attribute.getKey());
                problem = StorableText.problem(name);
                if (problem != null) {
                    return new SessionStoreException(Reason.UNKNOWN_ATTRIBUTE, "session attribute "
                            + Names.quote(name) + ": the name " + problem + ", so no column has it", null);
                }
                SessionStoreException refused = unstorableValue(name, attribute.getValue());
                if (refused != null) {
                    return refused;
                }
            }
        } else if (session.attributes() instanceof Record record) {
            for (Field<?> field : record.fields()) {
                SessionStoreException refused = unstorableValue(field.getName(), record.get(field));
                if (refused != null) {
                    return refused;
                }
            }
        }
        return null;
    }

    private static SessionStoreException unstorableValue(String name, Object value) {
        String problem = valueProblem(value);
        return problem == null ? null : new SessionStoreException(Reason.INVALID_ATTRIBUTE_VALUE,
                "session attribute " + Names.quote(name) + ": its value " + problem, null);
    }

    private static String valueProblem(Object value) {
        if (value instanceof CharSequence text) {
            return StorableText.problem(text);
        }
        if (value instanceof JSON json) {
            return StorableText.problem(json.data());
        }
        if (value instanceof JSONB jsonb) {
            return StorableText.problem(jsonb.data());
        }
        if (value instanceof XML xml) {
            return StorableText.problem(xml.data());
        }
        if (value instanceof Object[] array) {
            for (Object element : array) {
                String problem = valueProblem(element);
                if (problem != null) {
                    return problem;
                }
            }
        }
        return null;
    }
}
