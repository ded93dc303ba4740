package dev.junction.standard;

import dev.junction.element.ArgParser;
import dev.junction.element.ArgTypes;
import dev.junction.element.Args;
import dev.junction.element.ConfigurationException;
import dev.junction.element.HandlerException;

/**
 * The arguments and handler values that the paint elements (Paint, PaintTee, PaintSwitch, CheckPaint) share:
 * a color is a byte, and Click's ANNO argument may only name the paint annotation, because Junction's packets
 * have named annotations rather than Click's byte area.
 */
final class PaintAnnotation {
    /** Click's offset of the paint annotation byte, PAINT_ANNO_OFFSET. */
    static final int CLICK_PAINT_OFFSET = 16;

    /** A color: Click's {@code uint8_t}. */
    static final ArgParser<Integer> COLOR = ArgTypes.integer(0, 255);

    /** Click's AnnoArg(1), cut down to the one one-byte annotation Junction can address by name: PAINT. */
    static final ArgParser<String> ANNO = ArgParser.of("annotation", (text, args) -> {
        String word = ArgTypes.WORD.parse(text, args);
        if (word.equals("PAINT") || isPaintOffset(word)) {
            return "PAINT";
        }
        throw new IllegalArgumentException(
                "only the paint annotation (PAINT, offset " + CLICK_PAINT_OFFSET + ") is supported");
    });

    private PaintAnnotation() {
    }

    private static boolean isPaintOffset(String word) {
        try {
            return ArgTypes.INTEGER.parse(word, null) == CLICK_PAINT_OFFSET;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A color written to a {@code color} handler, refused with Click's data-handler message. */
    static int parseColor(String value) throws HandlerException {
        return HandlerValues.parse(COLOR, value, "expected uint8_t");
    }

    /** The whole configuration of Paint, PaintTee and CheckPaint, "COLOR [, ANNO]": the color. */
    static int configureColor(Args args) throws ConfigurationException {
        Integer color = args.requirePositional("COLOR", COLOR);
        args.readPositional("ANNO", ANNO, "PAINT");
        args.complete();
        return color;
    }
}
