/**
 * Session tokens and what is made of them: {@link io.github.luciajooq.token.SessionToken}, the credential a client
 * presents; {@link io.github.luciajooq.token.SessionHandle}, which names a session without being one;
 * {@link io.github.luciajooq.token.TokenStorage}, how the session table keeps tokens; and
 * {@link io.github.luciajooq.token.Ids}, Lucia v3's random ids.
 */
package io.github.luciajooq.token;
