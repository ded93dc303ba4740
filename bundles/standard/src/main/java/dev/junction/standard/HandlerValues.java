package dev.junction.standard;

import dev.junction.element.ArgParser;
import dev.junction.element.ArgTypes;
import dev.junction.element.HandlerException;

/**
 * Parses the values written to handlers with Click's argument types. A value Click refuses raises a
 * HandlerException carrying the element's own message, as Click's write handlers report their own wording
 * ({@code "syntax error"}, {@code "limit parameter must be integer"}).
 */
final class HandlerValues {
    private HandlerValues() {
    }

    /** A boolean ({@link ArgTypes#BOOLEAN}), surrounding white space ignored. */
    static boolean parseBoolean(String value, String refusal) throws HandlerException {
        return parse(ArgTypes.BOOLEAN, value, refusal);
    }

    /** An {@code int} ({@link ArgTypes#INTEGER}), surrounding white space ignored. */
    static int parseInt(String value, String refusal) throws HandlerException {
        return parse(ArgTypes.INTEGER, value, refusal);
    }

    /** A 64-bit integer ({@link ArgTypes#LONG}), surrounding white space ignored. */
    static long parseLong(String value, String refusal) throws HandlerException {
        return parse(ArgTypes.LONG, value, refusal);
    }

    /** A value of {@code type}, surrounding white space ignored; {@code refusal} if Click would refuse it. */
    static <T> T parse(ArgParser<T> type, String value, String refusal) throws HandlerException {
        try {
            return type.parse(value.strip(), null);
        } catch (IllegalArgumentException e) {
            throw new HandlerException(refusal);
        }
    }
}
