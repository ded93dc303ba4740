package dev.junction.standard;

import dev.junction.element.ArgTypes;
import dev.junction.element.Args;
import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.element.ElementState;
import dev.junction.element.HandlerException;
import dev.junction.element.HandlerRegistry;
import dev.junction.packet.PacketBatch;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** RatedSplitter: sends up to RATE packets per second to output 0, the rest to output 1. */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("RatedSplitter")
@ElementDoc(
        synopsis = "RatedSplitter(RATE [, keywords BURST_DURATION, BURST_SIZE])",
        category = "shaping",
        summary = "splits flow of packets at specified rate",
        description = """
                Pushes packets to output 0 at up to RATE packets per second, and the packets beyond that rate \
                to output 1 (or frees them if there is no output 1). Unlike Meter, which sends the whole \
                stream one way or the other, it keeps sending RATE packets per second to output 0 however \
                fast packets arrive. Push; one input, one or two outputs.

                The rate is Click's token bucket, refilled every millisecond of the router's clock: a packet \
                takes a token, and the bucket holds 20 milliseconds of tokens by default, at least one. It \
                starts full. The packets of a batch that find a token go to output 0 in one push, the others \
                to output 1 in another.""",
        arguments = {
            @ElementDoc.Argument(name = "RATE", description = "Unsigned. Packets per second to output 0. Mandatory."),
            @ElementDoc.Argument(name = "BURST_DURATION", description = """
                    Time. The bucket holds RATE times this many tokens (rounded to milliseconds). Default 20ms."""),
            @ElementDoc.Argument(name = "BURST_SIZE", description = """
                    Unsigned. The bucket holds this many tokens. At most one of BURST_DURATION and BURST_SIZE \
                    may be given.""")
        },
        handlers = {
            @ElementDoc.Handler(name = "rate", mode = "read/write", description = """
                    The rate, as the token bucket holds it. Writing sets RATE, keeping the other arguments \
                    (the bucket keeps its tokens)."""),
            @ElementDoc.Handler(name = "config", description = "The rate, as the rate handler reads it.")
        },
        example = "src -> rs :: RatedSplitter(2000);  rs[0] -> sampled;  rs[1] -> rest;",
        seeAlso = {"Meter", "RatedUnqueue", "Shaper", "RandomSample", "Tee"})
public final class RatedSplitter extends Element {
    private static final long DEFAULT_BURST_MILLISECONDS = 20;
    private static final long NANOS_PER_MILLISECOND = 1_000_000;

    private final TokenBucket bucket = new TokenBucket();
    private long rate;
    private long burstMilliseconds = DEFAULT_BURST_MILLISECONDS;
    private long burstSize = -1;
    private PacketBatch scratch;

    @Override
    public String portCount() {
        return "1/1-2";
    }

    @Override
    public String processing() {
        return "h/h";
    }

    @Override
    public void configure(Args args) throws ConfigurationException {
        Long configuredRate = args.requirePositional("RATE", ArgTypes.UNSIGNED);
        boolean durationGiven = args.has("BURST_DURATION");
        Long duration = args.read("BURST_DURATION", ArgTypes.TIME, DEFAULT_BURST_MILLISECONDS * NANOS_PER_MILLISECOND);
        boolean sizeGiven = args.has("BURST_SIZE");
        Long size = args.read("BURST_SIZE", ArgTypes.UNSIGNED, -1L);
        args.complete();
        if (durationGiven && sizeGiven) {
            throw new ConfigurationException("cannot specify both BURST_DURATION and BURST_SIZE");
        }
        // Click's SecondsArg(3): milliseconds, rounded to nearest, an unsigned 32-bit number.
        burstMilliseconds = Math.min(TokenBucket.MAX_UNITS, (duration + NANOS_PER_MILLISECOND / 2) / NANOS_PER_MILLISECOND);
        burstSize = sizeGiven ? size : -1;
        setRate(configuredRate);
    }

    /** Click's RatedUnqueue::configure_helper: the bucket's capacity from the burst settings, then the rate. */
    private void setRate(long newRate) {
        rate = newRate;
        long tokens;
        if (burstSize >= 0) {
            tokens = burstSize;
        } else {
            long product = newRate * burstMilliseconds; // both below 2^32: fits
            tokens = Math.min(TokenBucket.MAX_UNITS, Long.divideUnsigned(product, 1000));
        }
        bucket.assign(newRate, tokens != 0 ? tokens : 1);
    }

    @Override
    public void initialize() {
        scratch = new PacketBatch();
        bucket.fill(context().clock().nanoTime());
    }

    @Override
    public void push(int port, PacketBatch batch) {
        int size = batch.size();
        bucket.refill(context().clock().nanoTime());
        int admitted = bucket.removeUpTo(size);
        if (admitted == size) {
            output(0).push(batch);
            return;
        }
        if (admitted == 0) {
            rest(batch);
            return;
        }
        OutputBatches.pushFront(output(0), batch, admitted, scratch);
        rest(batch);
    }

    /** The packets over the rate: to output 1, or freed. */
    private void rest(PacketBatch batch) {
        if (outputCount() > 1) {
            output(1).push(batch);
        } else {
            batch.killAll();
        }
    }

    @Override
    public void addHandlers(HandlerRegistry handlers) {
        handlers.addReadWrite("rate", () -> Long.toString(bucket.rate()), this::writeRate);
        handlers.addRead("config", () -> Long.toString(bucket.rate()));
    }

    private void writeRate(String value) throws HandlerException {
        String text = value.strip();
        try {
            setRate(ArgTypes.UNSIGNED.parse(text, null));
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            throw new HandlerException("RATE: " + (message == null || message.isBlank() ? "parse error" : message));
        }
    }

    @Override
    public void saveState(ElementState state) {
        state.put("bucket", bucket.save());
    }

    @Override
    public void takeState(ElementState state) {
        bucket.restore(state.get("bucket", long[].class));
    }
}
