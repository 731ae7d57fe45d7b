package com.example.sessions.web;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Client addresses as people write them: IPv6 compressed by RFC 5952 ({@code ::1}, not {@code 0:0:0:0:0:0:0:1}). */
final class Addresses {

    private Addresses() {}

    /** The address as written; an IPv6 literal (bracketed as Jetty gives it, or not) compressed. */
    static String display(String remoteAddr) {
        if (remoteAddr == null) {
            return null;
        }
        String address = remoteAddr.startsWith("[") && remoteAddr.endsWith("]")
                ? remoteAddr.substring(1, remoteAddr.length() - 1)
                : remoteAddr;
        if (address.indexOf(':') < 0) {
            return address;
        }
        int zone = address.indexOf('%');
        try {
            // An IPv6 literal: parsed, never looked up.
            InetAddress parsed = InetAddress.getByName(zone < 0 ? address : address.substring(0, zone));
            return parsed instanceof Inet6Address ? compress(parsed.getAddress()) : parsed.getHostAddress();
        } catch (UnknownHostException | SecurityException notALiteral) {
            return address;
        }
    }

    /** RFC 5952: lower-case hex without leading zeros, the longest run of two or more zero groups as {@code ::}. */
    static String compress(byte[] bytes) {
        int[] groups = new int[8];
        for (int index = 0; index < 8; index++) {
            groups[index] = (bytes[2 * index] & 0xff) << 8 | bytes[2 * index + 1] & 0xff;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int start = 0; start < 8; start++) {
            int length = 0;
            while (start + length < 8 && groups[start + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = start;
                bestLength = length;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int index = 0; index < 8; index++) {
            if (index == bestStart) {
                text.append("::");
                index += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[index]));
        }
        return text.toString();
    }
}
