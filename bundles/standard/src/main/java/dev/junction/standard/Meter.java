package dev.junction.standard;

import dev.junction.element.ArgTypes;
import dev.junction.element.Args;
import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.element.ElementState;
import dev.junction.element.HandlerRegistry;
import dev.junction.packet.PacketBatch;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** Meter: sends the packet stream to the output that matches its current rate. */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("Meter")
@ElementDoc(
        synopsis = "Meter(RATE1, RATE2, ..., RATEn)",
        category = "shaping",
        summary = "classifies packet stream by rate (pkt/s)",
        description = """
                Measures the arrival rate of packets, in packets per second, and pushes each packet to the \
                output that matches the rate measured when it arrives: output 0 below RATE1, output 1 from \
                RATE1 to below RATE2, and so on, output n from RATEn up. The rates must increase. Push; one \
                input, n + 1 outputs. The whole stream goes one way at a time; to cut a stream at a rate, use \
                RatedSplitter.

                The rate is Click's moving average over millisecond epochs (alpha 1/16, 10 bits of fraction), \
                compared in that fixed point. Every packet of a batch arrives at the same clock reading, so a \
                whole batch goes to one output in one push.

                The rates are read as Click reads them, as bandwidths: a bare number is taken as is (with the \
                warning "no units for bandwidth argument N, assuming Bps"), and a unit scales it (10kBps is \
                10000 packets per second).""",
        arguments = @ElementDoc.Argument(name = "RATEi", description = """
                Bandwidth, read as packets per second. At most 4194303; each larger than the one before."""),
        handlers = {
            @ElementDoc.Handler(name = "rate", description = "The measured rate in packets per second."),
            @ElementDoc.Handler(name = "meters", description = """
                    The rates configured, as the element holds them (Click prints them one after the other, \
                    without separators).""")
        },
        example = "... -> m :: Meter(10000) -> ...;  m[1] -> Discard;   // drops the stream above 10000 pkt/s",
        seeAlso = {"RatedSplitter", "Shaper", "RatedUnqueue", "Counter"})
public final class Meter extends Element {
    // Click's RateEWMA: alpha 1/16, 10 bits of fraction, 32-bit unsigned.
    private static final int STABILITY_SHIFT = 4;
    private static final int SCALE = 10;
    private static final long MAX_RATE = 0xFFFF_FFFFL >>> SCALE;

    /** The rate thresholds, in Click's fixed point: events per epoch with SCALE bits of fraction. */
    private long[] meters = new long[0];
    private RateEwma rate;

    @Override
    public String portCount() {
        return "1/2-";
    }

    @Override
    public String processing() {
        return "h/h";
    }

    @Override
    public void configure(Args args) throws ConfigurationException {
        List<String> arguments = args.remainingPositional();
        args.complete();
        if (arguments.isEmpty()) {
            throw new ConfigurationException("too few arguments to BandwidthMeter(bandwidth, ...)");
        }
        long[] values = new long[arguments.size()];
        for (int i = 0; i < values.length; i++) {
            String text = arguments.get(i).strip();
            try {
                values[i] = ArgTypes.BANDWIDTH.parse(text, args);
            } catch (IllegalArgumentException e) {
                values[i] = -1;
            }
            if (values[i] < 0 || values[i] > 0xFFFF_FFFFL) {
                throw new ConfigurationException("argument " + (i + 1) + " syntax error");
            } else if (i > 0 && values[i] <= values[i - 1]) {
                throw new ConfigurationException("rate " + (i + 1) + " must be > rate " + i);
            } else if (isUnitless(text)) {
                context().warning("no units for bandwidth argument " + (i + 1) + ", assuming Bps");
            }
        }
        long[] scaled = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] > MAX_RATE) {
                throw new ConfigurationException("rate " + (i + 1) + " too large (max " + MAX_RATE + ")");
            }
            scaled[i] = (values[i] << SCALE) / RateEwma.EPOCHS_PER_SECOND;
        }
        if (scaled.length + 1 != outputCount()) {
            throw new ConfigurationException("need " + (outputCount() - 1)
                    + " arguments, one less than the number of output ports");
        }
        meters = scaled;
    }

    /** Whether a bandwidth was written without a unit: it ends in a digit or a point. */
    private static boolean isUnitless(String text) {
        char last = text.charAt(text.length() - 1);
        return (last >= '0' && last <= '9') || last == '.';
    }

    @Override
    public void initialize() {
        rate = new RateEwma(STABILITY_SHIFT, SCALE, context().clock().nanoTime());
    }

    @Override
    public void push(int port, PacketBatch batch) {
        rate.update(batch.size(), context().clock().nanoTime());
        long current = rate.scaledAverage();
        long[] thresholds = meters;
        int out = 0;
        while (out < thresholds.length && current >= thresholds[out]) {
            out++;
        }
        output(out).push(batch);
    }

    @Override
    public void addHandlers(HandlerRegistry handlers) {
        handlers.addRead("rate", () -> {
            rate.update(0, context().clock().nanoTime());
            return rate.format();
        });
        handlers.addRead("meters", () -> {
            StringBuilder text = new StringBuilder();
            for (long meter : meters) {
                text.append(RateEwma.formatScaled(meter * RateEwma.EPOCHS_PER_SECOND, SCALE));
            }
            return text.toString();
        });
    }

    @Override
    public void saveState(ElementState state) {
        state.put("rate", rate.save());
    }

    @Override
    public void takeState(ElementState state) {
        rate.restore(state.get("rate", long[].class));
    }
}
