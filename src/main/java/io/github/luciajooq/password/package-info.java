/**
 * Password hashing in Lucia v3's formats: {@link io.github.luciajooq.password.Scrypt} and
 * {@link io.github.luciajooq.password.LegacyScrypt}, on BouncyCastle's scrypt (an optional dependency the application
 * adds: {@code org.bouncycastle:bcprov-jdk18on}).
 */
package io.github.luciajooq.password;
