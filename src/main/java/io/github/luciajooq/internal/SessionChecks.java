package io.github.luciajooq.internal;

import io.github.luciajooq.DatabaseSession;
import io.github.luciajooq.SessionStoreException;
import io.github.luciajooq.SessionStoreException.Reason;
import java.util.Map;
import org.jooq.JSON;
import org.jooq.JSONB;
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
    public static SessionStoreException unstorable(DatabaseSession session) {
        String problem = StorableText.problem(session.id());
        if (problem != null) {
            return new SessionStoreException(Reason.INVALID_SESSION_ID, "the session id " + problem, null);
        }
        problem = StorableText.problem(session.userId());
        if (problem != null) {
            return new SessionStoreException(Reason.UNKNOWN_USER,
                    "the session's userId " + problem + ", so no user can have it", null);
        }
        for (Map.Entry<String, Object> attribute : session.attributes().entrySet()) {
            problem = StorableText.problem(attribute.getKey());
            if (problem != null) {
                return new SessionStoreException(Reason.UNKNOWN_ATTRIBUTE, "session attribute "
                        + Names.quote(attribute.getKey()) + ": the name " + problem + ", so no column has it", null);
            }
            problem = valueProblem(attribute.getValue());
            if (problem != null) {
                return new SessionStoreException(Reason.INVALID_ATTRIBUTE_VALUE, "session attribute "
                        + Names.quote(attribute.getKey()) + ": its value " + problem, null);
            }
        }
        return null;
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
