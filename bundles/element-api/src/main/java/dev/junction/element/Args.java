package dev.junction.element;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An element's configuration arguments, read the way Click's {@code Args} reads them.
 *
 * <p>The configuration string is split at commas ({@link #split}). An argument is a <em>keyword argument</em>
 * if it starts with a letter or underscore, continues with letters, digits and {@code _ : . ? !}, and then has
 * white space and a value: {@code CAPACITY 100}. Case does not matter to the rule ({@code hello world} looks
 * like keyword {@code hello}); keywords are upper case by convention. Every other argument is positional.
 *
 * <p>The element reads its arguments in order with {@link #read}, {@link #readPositional}, {@link #require},
 * {@link #requirePositional}, {@link #readAll} and {@link #remainingPositional}, then calls {@link #complete}.
 * A read that fails records Click's error message and returns the default (or {@code null} for a mandatory
 * read), so that configuration goes on and {@link #complete} reports every problem at once:
 * <ul>
 * <li>{@code "KEYWORD: required argument missing"} for a mandatory argument not given;</li>
 * <li>{@code "KEYWORD: <message>"} for a value the type refuses, the message being the type's own
 *     ({@code "invalid number"}, {@code "out of range, bound 255"}) or {@code "parse error"};</li>
 * <li>{@code "NAME: unknown argument"} for each keyword argument nobody read;</li>
 * <li>{@code "too many arguments"}, once, if positional arguments are left over.</li>
 * </ul>
 *
 * <p>Positional reads take the positional arguments in order, and only those before the first argument that
 * was read as a keyword: positional arguments come first, as in Click. A positional read does not take an
 * argument that looks like a keyword argument, unless the read is mandatory and its own keyword was not given
 * (so {@code Print(hello world)}, whose label is optional, reports {@code "hello: unknown argument"}, as
 * Click does). If a keyword is given twice, the last one counts, silently, as in Click.
 *
 * <p>One deliberate difference: Click treats an empty argument ({@code Queue(, 10)}) as absent even for a
 * mandatory read, leaving the variable unset; here a mandatory read of an empty argument reports
 * {@code "required argument missing"}.
 */
public final class Args {
    // Click's _kwpos: per argument, the length of its keyword (> 0), POSITIONAL, or how it was consumed.
    private static final int POSITIONAL = 0;
    private static final int CONSUMED_POSITIONALLY = -1;
    private static final int CONSUMED_BY_KEYWORD = -2;

    private final List<String> arguments;
    private final int[] keywordLengths;
    private final int[] states;
    private final ElementResolver resolver;
    private final List<String> errors = new ArrayList<>();

    private Args(List<String> arguments, ElementResolver resolver) {
        this.arguments = List.copyOf(arguments);
        this.keywordLengths = this.arguments.stream().mapToInt(Args::keywordLength).toArray();
        this.states = keywordLengths.clone();
        this.resolver = resolver;
    }

    /** The arguments of {@code configuration}, split as {@link #split} does, with no element resolver. */
    public static Args parse(String configuration) {
        return parse(configuration, null);
    }

    /** The arguments of {@code configuration}, split as {@link #split} does; {@code resolver} finds elements named by arguments. */
    public static Args parse(String configuration, ElementResolver resolver) {
        return new Args(split(configuration), resolver);
    }

    /**
     * Splits a configuration string into arguments, as Click's {@code cp_argvec}: at commas outside double
     * quotes, single quotes, {@code \<hex>} blocks and comments (parentheses and braces do not protect commas).
     * C and C++ comments are removed: one between words becomes a space, others vanish; spaces at both ends
     * are trimmed, inner spaces kept. An empty or blank configuration has no arguments; a final empty argument
     * is dropped ({@code "a,"} is {@code [a]}) but others are kept ({@code ",a"} is {@code ["", a]}).
     */
    public static List<String> split(String configuration) {
        return ConfigText.split(configuration);
    }

    /**
     * Removes one level of quoting, as Click's {@code cp_unquote}: comments are removed as by {@link #split};
     * {@code "..."} and {@code '...'} are replaced by their contents; inside double quotes, backslash escapes
     * are expanded ({@code \n \t \r \a \b \f \v}, {@code \\ \" \' \$ \,}, up to three octal digits,
     * {@code \x} and hex digits, backslash-newline as nothing); {@code \<48 65 6c 6c 6f>} blocks (hex digits,
     * spaces and comments ignored) are expanded both inside double quotes and outside quotes. Nothing is
     * expanded inside single quotes. Bytes from escapes are chars U+0000 to U+00FF.
     */
    public static String unquote(String text) {
        return ConfigText.unquote(text);
    }

    /**
     * Quotes {@code text} so that {@link #unquote} gives it back, as Click's {@code cp_quote}: always in double
     * quotes (Click quotes even when not needed; an empty string is {@code ""}), with {@code \ " $} escaped,
     * tab, return and newline as {@code \t \r \n}, and other control chars and chars 127 to 255 as octal
     * escapes.
     */
    public static String quote(String text) {
        return ConfigText.quote(text);
    }

    /**
     * Splits at spaces outside quotes and {@code \<hex>} blocks, as Click's {@code cp_spacevec}; comments
     * separate words and are dropped. The words keep their quotes: unquote them or read them with
     * {@link ArgTypes#STRING}.
     */
    public static List<String> words(String text) {
        return ConfigText.words(text);
    }

    /** Finds the elements that {@link ArgTypes#element()} arguments name; {@code null} if the engine gave none. */
    public ElementResolver resolver() {
        return resolver;
    }

    /** Reads optional keyword argument {@code keyword} (Click's {@code read}); {@code defaultValue} if absent or bad. */
    public <T> T read(String keyword, ArgParser<T> type, T defaultValue) {
        return read(keyword, type, defaultValue, false, false);
    }

    /**
     * Reads an optional argument given by keyword or as the next positional argument (Click's {@code read_p}).
     * If both are given, the keyword counts and the positional argument is used up.
     */
    public <T> T readPositional(String keyword, ArgParser<T> type, T defaultValue) {
        return read(keyword, type, defaultValue, true, false);
    }

    /** Reads mandatory keyword argument {@code keyword} (Click's {@code read_m}); {@code null} if absent or bad. */
    public <T> T require(String keyword, ArgParser<T> type) {
        return read(keyword, type, null, false, true);
    }

    /**
     * Reads a mandatory argument given by keyword or as the next positional argument (Click's {@code read_mp});
     * {@code null} if absent or bad. The next positional argument is taken even if it looks like a keyword
     * argument, when {@code keyword} itself is not given.
     */
    public <T> T requirePositional(String keyword, ArgParser<T> type) {
        return read(keyword, type, null, true, true);
    }

    /**
     * Reads every {@code keyword} argument, in order (Click's {@code read_all}): for repeated keywords such as
     * a list of routes. Bad values are reported and left out; the list is empty if the keyword is absent.
     */
    public <T> List<T> readAll(String keyword, ArgParser<T> type) {
        checkKeyword(keyword);
        List<T> values = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            if (states[i] > 0 && hasKeyword(i, keyword)) {
                states[i] = CONSUMED_BY_KEYWORD;
                parse(keyword, type, valueOf(i)).ifPresent(values::add);
            }
        }
        return values;
    }

    /**
     * Whether the configuration has a {@code keyword} argument, read or not. Reads nothing: use it to tell
     * "absent" from "given the default value".
     */
    public boolean has(String keyword) {
        for (int i = 0; i < arguments.size(); i++) {
            if (hasKeyword(i, keyword)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Takes every argument not read yet, in order and as written, whether or not it looks like a keyword
     * argument: for elements that take a free list (Classifier patterns, IPClassifier expressions), which in
     * Click walk the configuration vector left after their keywords. Read the keywords first.
     */
    public List<String> remainingPositional() {
        List<String> remaining = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            if (states[i] >= POSITIONAL) {
                states[i] = CONSUMED_POSITIONALLY;
                remaining.add(arguments.get(i));
            }
        }
        return remaining;
    }

    /**
     * Records a problem the element found itself (a value out of the range it accepts, two arguments that
     * contradict each other), to be reported with the others by {@link #complete}.
     */
    public void error(String message) {
        errors.add(message);
    }

    /**
     * Finishes reading, as Click's {@code complete()}: adds {@code "NAME: unknown argument"} for each keyword
     * argument not read and {@code "too many arguments"} if positional arguments are left, then throws if
     * anything went wrong. Call it once, after the last read.
     *
     * @throws ConfigurationException with every error, in the order found
     */
    public void complete() throws ConfigurationException {
        boolean tooMany = false;
        for (int i = 0; i < arguments.size(); i++) {
            if (states[i] > 0) {
                errors.add(arguments.get(i).substring(0, states[i]) + ": unknown argument");
            } else if (states[i] == POSITIONAL) {
                tooMany = true;
            }
        }
        if (tooMany) {
            errors.add("too many arguments");
        }
        if (!errors.isEmpty()) {
            throw new ConfigurationException(errors);
        }
    }

    /** The errors recorded so far, in order. */
    public List<String> errors() {
        return List.copyOf(errors);
    }

    /** Whether no error has been recorded so far. */
    public boolean ok() {
        return errors.isEmpty();
    }

    /** The arguments as split, joined by commas, for messages and debugging. */
    @Override
    public String toString() {
        return String.join(", ", arguments);
    }

    // ---------------------------------------------------------------- Click's Args::find

    private <T> T read(String keyword, ArgParser<T> type, T defaultValue, boolean positional, boolean mandatory) {
        checkKeyword(keyword);
        int position = nextPosition();
        String value = null;
        for (int i = 0; i < arguments.size(); i++) { // the last match counts; all are used up
            if (states[i] > 0 && hasKeyword(i, keyword)) {
                states[i] = CONSUMED_BY_KEYWORD;
                value = valueOf(i);
            }
        }
        if (positional && position >= 0 && states[position] >= POSITIONAL
                && (states[position] == POSITIONAL || (mandatory && value == null))) {
            states[position] = CONSUMED_POSITIONALLY;
            if (value == null) {
                value = arguments.get(position);
            }
        }
        if (value == null || value.isEmpty()) { // Click: an empty argument is an absent one
            if (mandatory) {
                errors.add(keyword + ": required argument missing");
            }
            return defaultValue;
        }
        return parse(keyword, type, value).orElse(defaultValue);
    }

    /** Parses {@code value}, recording Click's error message on failure. */
    private <T> Optional<T> parse(String keyword, ArgParser<T> type, String value) {
        try {
            return Optional.ofNullable(type.parse(value, this));
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            errors.add(keyword + ": " + (message == null || message.isBlank() ? "parse error" : message));
            return Optional.empty();
        }
    }

    /**
     * The index of the argument a positional read would take: the first one not taken positionally, if it is
     * still unread; -1 if there is none or it was read by keyword (positional arguments come first).
     */
    private int nextPosition() {
        for (int i = 0; i < arguments.size(); i++) {
            if (states[i] != CONSUMED_POSITIONALLY) {
                return states[i] >= POSITIONAL ? i : -1;
            }
        }
        return -1;
    }

    private void checkKeyword(String keyword) {
        Objects.requireNonNull(keyword, "keyword");
        if (!keyword.isEmpty() && keyword.charAt(0) >= '0' && keyword.charAt(0) <= '9') {
            errors.add(keyword + ": keywords must start with a letter or underscore");
        }
    }

    private boolean hasKeyword(int index, String keyword) {
        return keywordLengths[index] == keyword.length() && keywordLengths[index] > 0
                && arguments.get(index).startsWith(keyword);
    }

    /** A keyword argument's value: what follows its keyword and the spaces after it. */
    private String valueOf(int index) {
        String argument = arguments.get(index);
        int start = keywordLengths[index];
        while (start < argument.length() && ConfigText.isSpace(argument.charAt(start))) {
            start++;
        }
        return argument.substring(start);
    }

    /**
     * Click's keyword rule (Args::reset_from): the length of the keyword that starts {@code argument}, or 0 if
     * it is positional. A keyword is a letter or underscore, then letters, digits and {@code _ : . ? !}, and
     * must be followed by white space and a non-empty value.
     */
    private static int keywordLength(String argument) {
        if (argument.isEmpty() || !(ConfigText.isAsciiLetter(argument.charAt(0)) || argument.charAt(0) == '_')) {
            return POSITIONAL;
        }
        int end = 1;
        while (end < argument.length()
                && (ConfigText.isAsciiAlphanumeric(argument.charAt(end)) || "_:.?!".indexOf(argument.charAt(end)) >= 0)) {
            end++;
        }
        int value = end;
        while (value < argument.length() && ConfigText.isSpace(argument.charAt(value))) {
            value++;
        }
        return value > end && value < argument.length() ? end : POSITIONAL;
    }
}
