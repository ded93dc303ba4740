package dev.junction.clicktest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The arguments of a data section header ({@code %file}, {@code %expect}, {@code %ignore}...):
 * leading flags, which may be combined ({@code -aw}), then file names.
 *
 * @param alternate {@code -a}: one of several acceptable expectations
 * @param deleteFirst {@code -d}: delete the first character of each line
 * @param caseInsensitive {@code -i}: regular expressions ignore case
 * @param base64 {@code -e}: the body is Base64
 * @param whitespace {@code -w}: whitespace inside lines is not significant
 * @param length {@code +LEN}: the body is exactly this many bytes, or null to read up to the next section
 * @param names the file names that follow the flags (possibly none)
 * @param problems flags that were not understood
 */
record SectionArguments(boolean alternate, boolean deleteFirst, boolean caseInsensitive, boolean base64,
                        boolean whitespace, Integer length, List<String> names, List<String> problems) {

    private static final Pattern LENGTH = Pattern.compile("\\+(\\d+)");

    /**
     * Parses the text after the section name.
     *
     * @param arguments the header's arguments, already trimmed
     * @return the flags and names
     */
    static SectionArguments parse(String arguments) {
        boolean alternate = false, deleteFirst = false, caseInsensitive = false, base64 = false, whitespace = false;
        Integer length = null;
        List<String> problems = new ArrayList<>();
        List<String> tokens = List.of(arguments.isBlank() ? new String[0] : arguments.strip().split("\\s+"));
        int index = 0;
        for (; index < tokens.size(); index++) {
            String token = tokens.get(index);
            Matcher lengthMatch = LENGTH.matcher(token);
            if (lengthMatch.matches()) {
                length = Integer.valueOf(lengthMatch.group(1));
                continue;
            }
            if (!token.startsWith("-") || token.length() < 2) {
                break;
            }
            for (char flag : token.substring(1).toCharArray()) {
                switch (flag) {
                    case 'a' -> alternate = true;
                    case 'd' -> deleteFirst = true;
                    case 'i' -> caseInsensitive = true;
                    case 'e' -> base64 = true;
                    case 'w' -> whitespace = true;
                    default -> problems.add("unknown flag '-" + flag + "'");
                }
            }
        }
        List<String> names = tokens.subList(index, tokens.size());
        return new SectionArguments(alternate, deleteFirst, caseInsensitive, base64, whitespace, length,
                List.copyOf(names), List.copyOf(problems));
    }
}
