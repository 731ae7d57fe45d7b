/**
 * Lucia-style database sessions: the session managers {@link io.github.luciajooq.Lucia} (blocking) and
 * {@link io.github.luciajooq.AsyncLucia} (non-blocking), the storage contracts they run on,
 * {@link io.github.luciajooq.Adapter} and {@link io.github.luciajooq.AsyncAdapter}, and the values they exchange.
 * <p>
 * Adapters store and fetch; the policy (ids, expiry, renewal, cookies) lives here, in the session managers.
 * Nothing in this package accepts {@code null} unless its documentation says so.
 */
package io.github.luciajooq;
