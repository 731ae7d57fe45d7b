package io.github.luciajooq.postgresql.internal.schema;

import org.jooq.tools.JooqLogger;

/**
 * The jOOQ release on the class path, checked once, when the first adapter is made. jOOQ is a {@code provided}
 * dependency: the application brings its own (open source or commercial), so the library sees whichever one
 * Maven's nearest-wins or the application's own pin chose.
 * <ul>
 *   <li>Older than {@value #OLDEST}: refused with an {@link IllegalStateException} that names the release found
 *       and the one needed. The generated classes in the jar were made by 3.19's generator and use its API.</li>
 *   <li>{@value #OLDEST} to {@value #NEWEST}: the lines the suite runs on.</li>
 *   <li>Newer, or a version that cannot be read: used, with one warning.</li>
 * </ul>
 */
public final class JooqVersion {

    static final String OLDEST = "3.19";
    static final String NEWEST = "3.21";

    private static final JooqLogger LOG = JooqLogger.getLogger(JooqVersion.class);

    /** The decision on one version string, {@code org.jooq.Constants.VERSION}'s form ({@code 3.19.39}). */
    enum Verdict {
        SUPPORTED, TOO_OLD, UNTESTED
    }

    private JooqVersion() {}

    /** Set once a check passed; a refusal is repeated on every call. */
    private static volatile boolean checked;

    /**
     * Refuses a jOOQ older than {@value #OLDEST}, warns once about one newer than {@value #NEWEST}.
     *
     * @throws IllegalStateException naming the release found, when it is older than {@value #OLDEST}
     */
    public static void require() {
        if (checked) {
            return;
        }
        String version = running();
        Verdict verdict = judge(version);
        if (verdict == Verdict.TOO_OLD) {
            throw new IllegalStateException(tooOld(version));
        }
        synchronized (JooqVersion.class) {
            if (!checked && verdict == Verdict.UNTESTED) {
                LOG.warn(untested(version));
            }
            checked = true;
        }
    }

    /** The class path's jOOQ, read at run time: {@code Constants.VERSION} is a constant a compiler would inline. */
    static String running() {
        try {
            return String.valueOf(Class.forName("org.jooq.Constants").getField("VERSION").get(null));
        } catch (ReflectiveOperationException | LinkageError e) {
            return "unknown (" + e + ")";
        }
    }

    static Verdict judge(String version) {
        int[] line = line(version);
        if (line == null) {
            return Verdict.UNTESTED;
        }
        if (compare(line, line(OLDEST)) < 0) {
            return Verdict.TOO_OLD;
        }
        return compare(line, line(NEWEST)) > 0 ? Verdict.UNTESTED : Verdict.SUPPORTED;
    }

    static String tooOld(String version) {
        return "lucia-jooq needs jOOQ " + OLDEST + " or newer, and the class path has jOOQ " + version
                + ": declare org.jooq:jooq (or your commercial edition) " + OLDEST + " or newer in your build";
    }

    static String untested(String version) {
        return "lucia-jooq is tested on jOOQ " + OLDEST + " to " + NEWEST + "; the class path has jOOQ " + version;
    }

    /** Major and minor, or null when the text does not start with them. */
    private static int[] line(String version) {
        if (version == null) {
            return null;
        }
        String[] parts = version.split("[.-]", 3);
        try {
            return parts.length < 2 ? null : new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int compare(int[] line, int[] other) {
        return line[0] != other[0] ? Integer.compare(line[0], other[0]) : Integer.compare(line[1], other[1]);
    }
}
