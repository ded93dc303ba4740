package dev.junction.engine.check;

import dev.junction.engine.graph.ElementClassInfo;
import java.util.function.Supplier;

/**
 * The parsed strings of one element class. A string that does not parse is kept as its error, to be reported
 * for each element of the class at the point where Click would report it.
 */
record ClassCodes(PortCount portCount, ProcessingCode processing, FlowCode flowCode, CodeSyntaxException flowError) {
    private static final String DEFAULT_PORT_COUNT = "0/0";

    /** Parses the strings of {@code info}; a missing ({@code null}) string means Click's default. */
    static ClassCodes of(ElementClassInfo info) {
        PortCount portCount = parseOrNull(() -> PortCount.parse(orDefault(info.portCount(), DEFAULT_PORT_COUNT)));
        ProcessingCode processing = info.processing() == null ? ProcessingCode.AGNOSTIC
                : parseOrNull(() -> ProcessingCode.parse(info.processing()));
        if (info.flowCode() == null) {
            return new ClassCodes(portCount, processing, FlowCode.COMPLETE, null);
        }
        try {
            return new ClassCodes(portCount, processing, FlowCode.parse(info.flowCode()), null);
        } catch (CodeSyntaxException e) {
            return new ClassCodes(portCount, processing, null, e);
        }
    }

    private static String orDefault(String code, String fallback) {
        return code == null ? fallback : code;
    }

    private static <T> T parseOrNull(Supplier<T> parser) {
        try {
            return parser.get();
        } catch (CodeSyntaxException e) {
            return null;
        }
    }
}
