/**
 * Helpers that must be public for lucia-jooq's own packages to share them. Not API: anything here may change or
 * go in any release.
 */
package io.github.luciajooq.internal;
