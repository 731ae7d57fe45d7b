package io.github.luciajooq.http;

/** IPv6 addresses as the WHATWG URL standard parses and serialises them (RFC 5952's compressed form). */
final class Ipv6 {

    private Ipv6() {}

    /** The address between the brackets, serialised, or {@code null} when it is not one. */
    static String serialize(String input) {
        int[] pieces = parse(input);
        if (pieces == null) {
            return null;
        }
        int compressStart = -1;
        int compressLength = 1;
        for (int index = 0; index < 8; ) {
            if (pieces[index] != 0) {
                index++;
                continue;
            }
            int run = index;
            while (run < 8 && pieces[run] == 0) {
                run++;
            }
            if (run - index > compressLength) {
                compressStart = index;
                compressLength = run - index;
            }
            index = run;
        }
        StringBuilder serialized = new StringBuilder();
        boolean ignoreZero = false;
        for (int index = 0; index < 8; index++) {
            if (ignoreZero && pieces[index] == 0) {
                continue;
            }
            ignoreZero = false;
            if (index == compressStart) {
                serialized.append(index == 0 ? "::" : ":");
                ignoreZero = true;
                continue;
            }
            serialized.append(Integer.toHexString(pieces[index]));
            if (index != 7) {
                serialized.append(':');
            }
        }
        return serialized.toString();
    }

    /** The WHATWG IPv6 parser: eight 16-bit pieces, or {@code null} on failure. */
    private static int[] parse(String input) {
        int[] address = new int[8];
        int pieceIndex = 0;
        int compress = -1;
        int pointer = 0;
        int length = input.length();
        if (pointer < length && input.charAt(pointer) == ':') {
            if (!input.startsWith("::")) {
                return null;
            }
            pointer += 2;
            pieceIndex++;
            compress = pieceIndex;
        }
        while (pointer < length) {
            if (pieceIndex == 8) {
                return null;
            }
            if (input.charAt(pointer) == ':') {
                if (compress >= 0) {
                    return null;
                }
                pointer++;
                pieceIndex++;
                compress = pieceIndex;
                continue;
            }
            int value = 0;
            int digits = 0;
            while (digits < 4 && pointer < length && Character.digit(input.charAt(pointer), 16) >= 0
                    && input.charAt(pointer) < 0x80) {
                value = value * 0x10 + Character.digit(input.charAt(pointer), 16);
                pointer++;
                digits++;
            }
            if (pointer < length && input.charAt(pointer) == '.') {
                if (digits == 0) {
                    return null;
                }
                pointer -= digits;
                if (pieceIndex > 6) {
                    return null;
                }
                int numbersSeen = 0;
                while (pointer < length) {
                    int ipv4Piece = -1;
                    if (numbersSeen > 0) {
                        if (input.charAt(pointer) == '.' && numbersSeen < 4) {
                            pointer++;
                        } else {
                            return null;
                        }
                    }
                    if (pointer >= length || input.charAt(pointer) < '0' || input.charAt(pointer) > '9') {
                        return null;
                    }
                    while (pointer < length && input.charAt(pointer) >= '0' && input.charAt(pointer) <= '9') {
                        int number = input.charAt(pointer) - '0';
                        if (ipv4Piece == -1) {
                            ipv4Piece = number;
                        } else if (ipv4Piece == 0) {
                            return null;
                        } else {
                            ipv4Piece = ipv4Piece * 10 + number;
                        }
                        if (ipv4Piece > 255) {
                            return null;
                        }
                        pointer++;
                    }
                    address[pieceIndex] = address[pieceIndex] * 0x100 + ipv4Piece;
                    numbersSeen++;
                    if (numbersSeen == 2 || numbersSeen == 4) {
                        pieceIndex++;
                    }
                }
                if (numbersSeen != 4) {
                    return null;
                }
                break;
            } else if (pointer < length && input.charAt(pointer) == ':') {
                pointer++;
                if (pointer >= length) {
                    return null;
                }
            } else if (pointer < length) {
                return null;
            }
            address[pieceIndex] = value;
            pieceIndex++;
        }
        if (compress >= 0) {
            int swaps = pieceIndex - compress;
            pieceIndex = 7;
            while (pieceIndex != 0 && swaps > 0) {
                int swapWith = compress + swaps - 1;
                int swapped = address[pieceIndex];
                address[pieceIndex] = address[swapWith];
                address[swapWith] = swapped;
                pieceIndex--;
                swaps--;
            }
        } else if (pieceIndex != 8) {
            return null;
        }
        return address;
    }
}
