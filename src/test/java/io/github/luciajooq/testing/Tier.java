package io.github.luciajooq.testing;

/** A Java enum of the application's, stored as text through a converter (the tests' forced type on {@code tier}). */
public enum Tier {
    FREE,
    PRO
}
