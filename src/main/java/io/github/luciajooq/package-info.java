/**
 * Lucia-style database sessions: the session managers {@link io.github.luciajooq.Lucia} (blocking) and
 * {@link io.github.luciajooq.AsyncLucia} (non-blocking) and the values they hand to the application.
 * <p>
 * The session managers hold the policy (tokens, expiry, renewal, cookies); adapters (the
 * {@link io.github.luciajooq.spi} contract) store and fetch. Tokens and handles are in
 * {@link io.github.luciajooq.token}, cookies and headers in {@link io.github.luciajooq.http}, password hashing in
 * {@link io.github.luciajooq.password}. Nothing in these packages accepts {@code null} unless its documentation says
 * so.
 */
package io.github.luciajooq;
