package dev.junction.standard;

import dev.junction.element.ArgParser;
import dev.junction.element.ArgTypes;
import dev.junction.element.Args;
import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.element.ElementState;
import dev.junction.element.HandlerException;
import dev.junction.element.HandlerRegistry;
import dev.junction.element.SimpleAction;
import dev.junction.packet.Packet;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** RandomSample: passes each packet with probability P; the others go to output 1 or are freed. */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("RandomSample")
@ElementDoc(
        synopsis = "RandomSample([P, keywords SAMPLE, DROP, ACTIVE])",
        category = "classification",
        summary = "samples packets with some probability",
        description = """
                Passes each packet on through output 0 with probability P, independently of the others; the \
                packets not sampled go out on push output 1 if the element has two outputs, and are freed \
                otherwise, and are counted as drops. One input, agnostic output 0: in pull context a pull \
                returns only the sampled packets.

                The probability is kept, as in Click, as a fixed-point number with 28 bits of fraction. One of \
                P, SAMPLE or DROP must be given.""",
        arguments = {
            @ElementDoc.Argument(name = "P", description = "Real number from 0 to 1. The sampling probability."),
            @ElementDoc.Argument(name = "SAMPLE", description = "Real number from 0 to 1. Same as P."),
            @ElementDoc.Argument(name = "DROP", description = """
                    Real number from 0 to 1. The probability of not sampling: the same as SAMPLE 1 - DROP. \
                    At most one of SAMPLE and DROP may be given."""),
            @ElementDoc.Argument(name = "ACTIVE", description = """
                    Boolean. When false, every packet goes to output 0. Default true.""")
        },
        handlers = {
            @ElementDoc.Handler(name = "sampling_prob", mode = "read/write", description = """
                    The sampling probability."""),
            @ElementDoc.Handler(name = "drop_prob", mode = "read/write", description = """
                    1 minus the sampling probability."""),
            @ElementDoc.Handler(name = "active", mode = "read/write", description = "The ACTIVE setting."),
            @ElementDoc.Handler(name = "drops", description = "Packets not sampled so far."),
            @ElementDoc.Handler(name = "config", description = """
                    The settings as Click prints them: SAMPLE p, ACTIVE b.""")
        },
        example = "... -> RandomSample(0.01) -> ToDump(sample.pcap);   // one packet in 100",
        seeAlso = {"RandomSwitch", "RatedSplitter"})
public final class RandomSample extends SimpleAction {
    /** Bits of fraction of the probability, Click's SAMPLING_SHIFT. */
    private static final int SHIFT = 28;
    private static final long ONE = 1L << SHIFT;
    private static final int MASK = (int) ONE - 1;
    /** What Click leaves in the probability when no argument gives it: more than 1, so an error. */
    private static final long UNSET = 0xFFFF_FFFFL;
    private static final ArgParser<Long> PROBABILITY = ArgParser.of("real", (text, args) -> fixedPoint(text));
    private static final Pattern UNSIGNED_REAL = Pattern.compile("\\+?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");

    private final FastRandom random = new FastRandom();
    private long samplingProbability;
    private boolean active;
    private long drops;

    @Override
    public String portCount() {
        return "1/1-2";
    }

    @Override
    public String processing() {
        return "a/ah";
    }

    @Override
    public void configure(Args args) throws ConfigurationException {
        long sample = args.readPositional("P", PROBABILITY, UNSET);
        boolean haveSample = args.has("SAMPLE");
        sample = args.read("SAMPLE", PROBABILITY, sample);
        boolean haveDrop = args.has("DROP");
        long drop = args.read("DROP", PROBABILITY, UNSET);
        boolean configuredActive = args.read("ACTIVE", ArgTypes.BOOLEAN, true);
        args.complete();
        if (haveSample && haveDrop) {
            throw new ConfigurationException("give at most one of SAMPLE and DROP");
        } else if (haveDrop) {
            sample = ONE - drop;
        }
        if (sample < 0 || sample > ONE) {
            throw new ConfigurationException("sampling probability must be between 0 and 1");
        }
        samplingProbability = sample;
        active = configuredActive;
    }

    /**
     * Click's FixedPointArg with 28 bits of fraction: an unsigned decimal number, optionally with an exponent,
     * rounded to the nearest 2^-28; at most 2^32 - 1 units.
     */
    private static long fixedPoint(String text) {
        if (!UNSIGNED_REAL.matcher(text).matches()) {
            throw new IllegalArgumentException();
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text.startsWith("+") ? text.substring(1) : text);
        } catch (NumberFormatException e) { // an exponent beyond int
            throw new IllegalArgumentException("out of range");
        }
        if (value.compareTo(BigDecimal.valueOf(UNSET)) > 0) {
            throw new IllegalArgumentException("out of range");
        }
        BigDecimal units = value.multiply(BigDecimal.valueOf(ONE)).setScale(0, RoundingMode.HALF_UP);
        if (units.compareTo(BigDecimal.valueOf(UNSET)) > 0) {
            throw new IllegalArgumentException("out of range");
        }
        return units.longValueExact();
    }

    @Override
    protected Packet action(Packet packet) {
        if (!active || (random.nextInt() & MASK) < samplingProbability) {
            return packet;
        }
        drops++;
        divert(1, packet);
        return null;
    }

    /** Packets not sampled so far. */
    public long drops() {
        return drops;
    }

    @Override
    public void addHandlers(HandlerRegistry handlers) {
        handlers.addReadWrite("sampling_prob", () -> RateEwma.formatScaled(samplingProbability, SHIFT),
                value -> samplingProbability = parseProbability(value));
        handlers.addReadWrite("active", () -> Boolean.toString(active),
                value -> active = HandlerValues.parseBoolean(value, "expected boolean"));
        handlers.addRead("drops", () -> Long.toString(drops));
        handlers.addReadWrite("drop_prob", () -> RateEwma.formatScaled(ONE - samplingProbability, SHIFT),
                value -> samplingProbability = ONE - parseProbability(value));
        handlers.addRead("config", () -> "SAMPLE " + RateEwma.formatScaled(samplingProbability, SHIFT)
                + ", ACTIVE " + active);
    }

    private static long parseProbability(String value) throws HandlerException {
        long parsed = HandlerValues.parse(PROBABILITY, value, "Must be given a number between 0.0 and 1.0");
        if (parsed > ONE) {
            throw new HandlerException("Must be given a number between 0.0 and 1.0");
        }
        return parsed;
    }

    @Override
    public void saveState(ElementState state) {
        state.putLong("drops", drops);
    }

    @Override
    public void takeState(ElementState state) {
        drops = state.getLong("drops", 0);
    }
}
