/**
 * Lucia's request cycle for Jakarta Servlet containers: {@link io.github.luciajooq.servlet.SessionFilter}. Needs
 * {@code jakarta.servlet-api} 6.0 or later, which the container provides; nothing else in lucia-jooq depends on it.
 */
package io.github.luciajooq.servlet;
