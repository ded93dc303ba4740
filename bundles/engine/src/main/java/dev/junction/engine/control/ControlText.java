package dev.junction.engine.control;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * How the protocol turns text into bytes and back. The wire carries bytes, as in Click; a byte is one char
 * (ISO-8859-1), the way Junction reads configuration files, so values round-trip unchanged. Chars beyond
 * U+00FF, which only Java code produces, go out as UTF-8, the bytes Click's C++ string literals would have.
 */
final class ControlText {
    /** The protocol version Click 2.x speaks. */
    static final String PROTOCOL_VERSION = "1.3";
    /** The greeting line, without its version. */
    static final String BANNER_PREFIX = "Click::ControlSocket/";
    /** Every line the server sends ends so. */
    static final String LINE_END = "\r\n";

    private ControlText() {
    }

    /** The bytes of {@code text}: chars up to U+00FF as one byte each, others as UTF-8. */
    static byte[] encode(String text) {
        if (text.chars().allMatch(c -> c <= 0xFF)) {
            return text.getBytes(StandardCharsets.ISO_8859_1);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length() + 16);
        text.codePoints().forEach(codePoint -> {
            if (codePoint <= 0xFF) {
                bytes.write(codePoint);
            } else {
                bytes.writeBytes(Character.toString(codePoint).getBytes(StandardCharsets.UTF_8));
            }
        });
        return bytes.toByteArray();
    }

    /**
     * {@code text} as Click's {@code String::printable} shows it in a reply line: control bytes as {@code ^X},
     * bytes from 127 up in octal ({@code \377}), so a reply line never contains a line break or binary junk.
     */
    static String printable(String text) {
        StringBuilder shown = new StringBuilder(text.length());
        for (byte signed : encode(text)) {
            int b = signed & 0xFF;
            if (b < 32) {
                shown.append('^').append((char) (b + 64));
            } else if (b < 127) {
                shown.append((char) b);
            } else {
                shown.append('\\').append(String.format("%03o", b));
            }
        }
        return shown.toString();
    }

    /** Whether {@code c} is white space as C's {@code isspace} sees it; Click splits command words on these. */
    static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    /** {@code text} without trailing white space. */
    static String stripTrailingSpace(String text) {
        int end = text.length();
        while (end > 0 && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    /** {@code text} with ASCII letters in upper case only, as Click's {@code String::upper}. */
    static String upperAscii(String text) {
        StringBuilder upper = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            upper.append(c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c);
        }
        return upper.toString();
    }
}
