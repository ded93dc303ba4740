package dev.junction.standard.script;

/**
 * Click's {@code cp_shift_spacevec} on a script's text: the first word (quotes and {@code \<hex>} blocks keep
 * their spaces, and their quotes) and the rest, with the spaces between them removed.
 */
public final class Words {
    private Words() {
    }

    /** {@code [first word, rest]} of {@code text}; both empty for blank text. */
    public static String[] shift(String text) {
        int start = 0;
        int length = text.length();
        while (start < length && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        int end = start;
        char quote = 0;
        while (end < length) {
            char c = text.charAt(end);
            if (quote != 0) {
                if (c == '\\' && quote == '"' && end + 1 < length) {
                    end++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '\\' && end + 1 < length && text.charAt(end + 1) == '<') {
                quote = '>';
                end++;
            } else if (Character.isWhitespace(c)) {
                break;
            }
            end++;
        }
        int rest = end;
        while (rest < length && Character.isWhitespace(text.charAt(rest))) {
            rest++;
        }
        int restEnd = length;
        while (restEnd > rest && Character.isWhitespace(text.charAt(restEnd - 1))) {
            restEnd--;
        }
        return new String[] {text.substring(start, end), text.substring(rest, restEnd)};
    }

    /** The first word of {@code text}. */
    public static String first(String text) {
        return shift(text)[0];
    }
}
