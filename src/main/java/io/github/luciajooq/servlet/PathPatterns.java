package io.github.luciajooq.servlet;

import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Predicate;

/** The Servlet specification's URL patterns, for {@link SessionFilter.Builder#excludePaths}. */
final class PathPatterns {

    private PathPatterns() {}

    /** The request's path within the application, decoded and normalised by the container. */
    static String path(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        String path = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
        return path.isEmpty() ? "/" : path;
    }

    /** What a pattern matches: {@code /dir/*}, {@code *.ext} or an exact {@code /path}. */
    static Predicate<String> matcher(String pattern) {
        if (pattern.startsWith("*.") && pattern.length() > 2 && pattern.indexOf('/') < 0) {
            String extension = pattern.substring(1);
            return path -> path.endsWith(extension);
        }
        if (pattern.startsWith("/") && pattern.indexOf('*') < 0) {
            return pattern::equals;
        }
        if (pattern.startsWith("/") && pattern.endsWith("/*") && pattern.indexOf('*') == pattern.length() - 1) {
            String directory = pattern.substring(0, pattern.length() - 2);
            return path -> path.equals(directory) || path.startsWith(directory + "/") || directory.isEmpty();
        }
        throw new IllegalArgumentException("patterns has an element that is not /path, /dir/* or *.ext: \""
                + pattern + "\"");
    }
}
