package dev.junction.standard;

import dev.junction.element.ArgTypes;
import dev.junction.element.Args;
import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.element.HandlerRegistry;
import dev.junction.element.SimpleAction;
import dev.junction.packet.Packet;
import dev.junction.standard.trace.SummaryFields;
import java.io.PrintStream;
import java.util.Locale;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * Print: prints one line per packet on standard error, in Click's format, and passes the packet on unchanged.
 * A debugging element: each line is a new string, so unlike the other elements Print allocates per packet.
 */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("Print")
@ElementDoc(
        synopsis = "Print([LABEL, MAXLENGTH, keywords CONTENTS, TIMESTAMP, HEADROOM, ACTIVE])",
        category = "debugging",
        summary = "prints packet contents",
        description = """
                Prints a line for every packet on standard error, then passes the packet on unchanged. One \
                input, one output, agnostic. The line is Click's, byte for byte: LABEL and a colon (when LABEL \
                is not empty), the timestamp (with TIMESTAMP), the packet length right-aligned in 4 columns, \
                the headroom and tailroom (with HEADROOM), then a bar and the first MAXLENGTH bytes of the \
                packet: in hex, in groups of 4 bytes, or in ASCII, in groups of 8 characters with . for \
                unprintable bytes. For example: "ip:   14 | 49206c6f 7665206d 7973656c 660a".

                Print is a debugging element: each line is a new string, so it allocates for every packet, \
                which no other standard element does, and printing is slow. Keep it out of fast paths.

                Click's PRINTANNO (the annotation area in hex) and CPU (the Linux kernel module's processor) \
                are accepted only when false: Junction's annotations have no byte layout, and its threads are \
                not processors.""",
        arguments = {
            @ElementDoc.Argument(name = "LABEL", description = "String. Printed first, before a colon. Default none."),
            @ElementDoc.Argument(name = "MAXLENGTH", description = """
                    Integer. The most packet bytes printed; negative means all. Default 24. LENGTH and NBYTES \
                    are old names for it."""),
            @ElementDoc.Argument(name = "CONTENTS", description = """
                    HEX, ASCII or NONE (or a boolean: true is HEX, false NONE). How the bytes are printed. \
                    Default HEX."""),
            @ElementDoc.Argument(name = "TIMESTAMP", description = """
                    Boolean. If true, the timestamp annotation is printed, as seconds.microseconds (or \
                    .nanoseconds when it is not a whole number of microseconds). Default false."""),
            @ElementDoc.Argument(name = "HEADROOM", description = """
                    Boolean. If true, the packet's headroom and tailroom are printed. Default false."""),
            @ElementDoc.Argument(name = "ACTIVE", description = """
                    Boolean. If false, nothing is printed. Default true."""),
            @ElementDoc.Argument(name = "PRINTANNO", description = "Boolean. Only false is supported."),
            @ElementDoc.Argument(name = "CPU", description = "Boolean. Only false is supported.")
        },
        handlers = @ElementDoc.Handler(name = "active", mode = "read/write", description = """
                The ACTIVE setting: whether lines are printed."""),
        example = "FromDevice(eth0) -> Print(in, 64, CONTENTS ASCII) -> Discard;",
        seeAlso = {"IPPrint"})
public final class Print extends SimpleAction {
    private static final int NONE = 0;
    private static final int HEX = 1;
    private static final int ASCII = 2;
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    /** Where lines go; {@code null} for the standard error of the moment. */
    private final PrintStream out;
    private final StringBuilder line = new StringBuilder(128);

    private String label;
    private int maxLength;
    private int contents;
    private boolean timestamp;
    private boolean headroom;
    private boolean active;

    public Print() {
        this(null);
    }

    /** A Print that prints on {@code out} (for tests). */
    Print(PrintStream out) {
        this.out = out;
    }

    @Override
    public void configure(Args args) throws ConfigurationException {
        label = args.readPositional("LABEL", ArgTypes.STRING, "");
        maxLength = args.readPositional("MAXLENGTH", ArgTypes.INTEGER, 24);
        maxLength = args.read("LENGTH", ArgTypes.INTEGER, maxLength);
        maxLength = args.read("NBYTES", ArgTypes.INTEGER, maxLength);
        String contentsWord = args.read("CONTENTS", ArgTypes.WORD, "HEX");
        timestamp = args.read("TIMESTAMP", ArgTypes.BOOLEAN, false);
        boolean printAnno = args.read("PRINTANNO", ArgTypes.BOOLEAN, false);
        active = args.read("ACTIVE", ArgTypes.BOOLEAN, true);
        headroom = args.read("HEADROOM", ArgTypes.BOOLEAN, false);
        boolean cpu = args.read("CPU", ArgTypes.BOOLEAN, false);
        if (printAnno) {
            args.error("PRINTANNO: not supported: Junction's packet annotations have no byte layout");
        }
        if (cpu) {
            args.error("CPU: not supported: Junction's router threads are not processors");
        }
        args.complete();
        contents = contents(contentsWord);
    }

    /** Click's CONTENTS: a boolean (true HEX, false NONE), or NONE, HEX or ASCII in any case. */
    private static int contents(String word) throws ConfigurationException {
        try {
            return ArgTypes.BOOLEAN.parse(word, null) ? HEX : NONE;
        } catch (IllegalArgumentException notBoolean) {
            return switch (word.toUpperCase(Locale.ROOT)) {
                case "NONE" -> NONE;
                case "HEX" -> HEX;
                case "ASCII" -> ASCII;
                default -> throw new ConfigurationException("bad contents value '" + word.toUpperCase(Locale.ROOT)
                        + "'; should be 'NONE', 'HEX', or 'ASCII'");
            };
        }
    }

    @Override
    protected Packet action(Packet packet) {
        if (active) {
            format(packet);
            line.append('\n');
            (out != null ? out : System.err).print(line);
        }
        return packet;
    }

    /** Click's line for {@code packet}, without the newline, into {@link #line}. */
    private void format(Packet packet) {
        StringBuilder text = line;
        text.setLength(0);
        int length = packet.length();
        int bytes = contents != NONE ? maxLength : 0;
        if (bytes < 0 || length < bytes) {
            bytes = length;
        }
        String separator = "";
        if (!label.isEmpty()) {
            text.append(label);
            separator = ": ";
        }
        if (timestamp) {
            text.append(separator);
            appendTimestamp(text, packet.timestampNanos());
            separator = ": ";
        }
        text.append(separator);
        String digits = Integer.toString(length);
        for (int pad = digits.length(); pad < 4; pad++) {
            text.append(' ');
        }
        text.append(digits);
        if (headroom) {
            text.append(" (h").append(packet.headroom()).append(" t").append(packet.tailroom()).append(')');
        }
        if (bytes > 0) {
            text.append(" | ");
            if (contents == HEX) {
                for (int i = 0; i < bytes; i++) {
                    if (i != 0 && i % 4 == 0) {
                        text.append(' ');
                    }
                    int b = packet.getUnsignedByte(i);
                    text.append(DIGITS[b >> 4]).append(DIGITS[b & 15]);
                }
            } else {
                for (int i = 0; i < bytes; i++) {
                    if (i % 8 == 0) {
                        text.append(' ');
                    }
                    int b = packet.getUnsignedByte(i);
                    text.append(b < 32 || b > 126 ? '.' : (char) b);
                }
            }
        }
    }

    /** Click's Timestamp text (seconds, then 6 or 9 fraction digits); shared with the trace elements. */
    static void appendTimestamp(StringBuilder text, long epochNanos) {
        SummaryFields.appendTimestamp(text, epochNanos);
    }

    @Override
    public void addHandlers(HandlerRegistry handlers) {
        handlers.addReadWrite("active", () -> Boolean.toString(active),
                value -> active = HandlerValues.parseBoolean(value, "expected boolean"));
    }
}
