package com.example.sessions.web;

import java.util.List;
import java.util.Map;

/** A short name for the device a {@code User-Agent} header describes, such as "Chrome on Linux". */
final class Devices {

    /** Browsers by their token, the more specific first: Edge's and Opera's headers also say Chrome. */
    private static final List<Map.Entry<String, String>> BROWSERS = List.of(Map.entry("Edg/", "Edge"),
            Map.entry("OPR/", "Opera"), Map.entry("Firefox/", "Firefox"), Map.entry("Chrome/", "Chrome"),
            Map.entry("Safari/", "Safari"), Map.entry("curl/", "curl"));
    private static final List<Map.Entry<String, String>> SYSTEMS = List.of(Map.entry("Android", "Android"),
            Map.entry("iPhone", "iOS"), Map.entry("iPad", "iPadOS"), Map.entry("Windows", "Windows"),
            Map.entry("Mac OS X", "macOS"), Map.entry("CrOS", "ChromeOS"), Map.entry("Linux", "Linux"));

    private Devices() {}

    static String describe(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "Unknown device";
        }
        String browser = first(BROWSERS, userAgent, "Unknown browser");
        String system = first(SYSTEMS, userAgent, null);
        return system == null ? browser : browser + " on " + system;
    }

    private static String first(List<Map.Entry<String, String>> names, String userAgent, String otherwise) {
        for (Map.Entry<String, String> name : names) {
            if (userAgent.contains(name.getKey())) {
                return name.getValue();
            }
        }
        return otherwise;
    }
}
