package dev.junction.standard;

import dev.junction.element.ArgParser;
import dev.junction.element.ArgTypes;
import dev.junction.element.Args;
import dev.junction.element.ConfigurationException;
import java.util.ArrayList;
import java.util.List;

/**
 * Argument types of this bundle's elements that element-api does not name (Click's fixed-width unsigned fields),
 * and the information elements' way of reading their arguments.
 */
final class StandardArgs {
    private StandardArgs() {
    }

    /** Click's {@code IntArg} on a {@code uint16_t}: 0 to 65535, {@code "out of range, bound 65535"} above. */
    static final ArgParser<Integer> UINT16 = unsigned(0xFFFF);

    /** Click's {@code IntArg} on a {@code uint8_t}: 0 to 255. */
    static final ArgParser<Integer> UINT8 = unsigned(0xFF);

    /** Click's offset of the destination IP address annotation, DST_IP_ANNO_OFFSET. */
    static final int CLICK_DST_IP_OFFSET = 0;

    /**
     * Click's {@code AnnoArg(4)}, cut down to the one 4-byte annotation Junction's packets name: the destination
     * IP address, written DST_IP or as Click's offset of it, 0. Anything else is refused.
     */
    static final ArgParser<String> DST_IP_ANNO = ArgParser.of("annotation", (text, args) -> {
        String word = ArgTypes.WORD.parse(text, args);
        if (word.equals("DST_IP") || isInteger(word, CLICK_DST_IP_OFFSET)) {
            return "DST_IP";
        }
        throw new IllegalArgumentException("only the destination IP annotation (DST_IP, offset "
                + CLICK_DST_IP_OFFSET + ") is supported");
    });

    private static boolean isInteger(String word, int value) {
        try {
            return ArgTypes.INTEGER.parse(word, null) == value;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Click's unsigned {@code IntArg} syntax (a minus sign is an invalid number) with bound {@code max}. */
    static ArgParser<Integer> unsigned(int max) {
        return ArgParser.of("unsigned", (text, args) -> {
            long value = ArgTypes.UNSIGNED.parse(text, args);
            if (value > max) {
                throw new IllegalArgumentException("out of range, bound " + max);
            }
            return (int) value;
        });
    }

    /** How an information element reads one of its arguments, adding what is wrong with it to {@code problems}. */
    interface ArgumentReader {
        void read(String argument, List<String> problems) throws ConfigurationException;
    }

    /**
     * The information elements' configuration (AddressInfo, PortInfo, ScheduleInfo, StaticThreadSched): every
     * positional argument is read, and the problems of all of them are reported together at the end.
     */
    static void eachPositional(Args args, ArgumentReader reader) throws ConfigurationException {
        List<String> problems = new ArrayList<>();
        for (String argument : args.remainingPositional()) {
            reader.read(argument, problems);
        }
        args.complete();
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
    }
}
