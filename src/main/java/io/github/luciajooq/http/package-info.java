/**
 * HTTP helpers that involve no session: the {@link io.github.luciajooq.http.Cookie} a session manager writes,
 * {@link io.github.luciajooq.http.RequestHeaders} to read cookies and bearer tokens, and
 * {@link io.github.luciajooq.http.Origins#verifyRequestOrigin(String, java.util.Collection)}, Lucia's CSRF check.
 */
package io.github.luciajooq.http;
