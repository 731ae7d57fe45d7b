package com.example.sessions.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** HTML text: escaping what users and browsers wrote, and the page frame every page shares. */
final class Html {

    private Html() {}

    /** The text, safe between tags and inside double-quoted attributes. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int index = 0; index < text.length(); index++) {
            char c = text.charAt(index);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** The style sheet every page shares, inline: the Content-Security-Policy allows exactly it, by its hash. */
    static final String STYLE = """

              body { font: 16px/1.5 system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem;
                     color: #1f2328; }
              h1 { font-size: 1.5rem; margin-bottom: .25rem; }
              .muted { color: #59636e; }
              .error { color: #b3261e; }
              .notice { color: #9a6700; }
              form.inline { display: inline; }
              label { display: block; margin: .75rem 0 .25rem; }
              input[type=text], input[type=password] { width: 18rem; padding: .4rem; }
              button { padding: .35rem .8rem; margin-top: .75rem; cursor: pointer; }
              table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
              th, td { text-align: left; padding: .45rem .5rem; border-bottom: 1px solid #d1d9e0; }
              td button { margin: 0; }
              .this-device { font-weight: 600; color: #1a7f37; }
              .actions button { margin-right: .5rem; }
            """;

    /**
     * The pages' policy: nothing but this style sheet, forms to this origin only, and no framing by any page
     * (clickjacking: a page of another site cannot show the demo's buttons under its own).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src '" + sha256(STYLE)
            + "'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException unavailable) {
            throw new IllegalStateException("every Java platform has SHA-256", unavailable);
        }
    }

    /** A whole page: {@code body} is HTML already escaped where it holds text of others. */
    static String page(String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s · lucia-jooq demo</title>
                <style>""".formatted(escape(title)) + STYLE + """
                </style>
                </head>
                <body>
                """ + body + """
                </body>
                </html>
                """;
    }
}
