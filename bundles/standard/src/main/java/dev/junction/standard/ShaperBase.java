package dev.junction.standard;

import dev.junction.element.ArgTypes;
import dev.junction.element.Args;
import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.element.HandlerException;
import dev.junction.element.HandlerRegistry;

/**
 * What Shaper and BandwidthShaper share, as in Click where one extends the other: RATE, the {@link GapRate},
 * the handlers. Pulls read the clock once per batch.
 */
abstract class ShaperBase extends Element {
    final GapRate gapRate = new GapRate();

    /** Whether RATE is a bandwidth and packets count their bytes. */
    abstract boolean isBandwidth();

    @Override
    public final String portCount() {
        return "1/1-2";
    }

    @Override
    public final String processing() {
        return "l/l";
    }

    @Override
    public void configure(Args args) throws ConfigurationException {
        gapRate.setRate(lowered(readRate(args)), 0);
    }

    /** Click reports a rate above GapRate's limit and goes on with the limit. */
    private long lowered(long rate) {
        if (rate > GapRate.MAX_RATE) {
            context().warning("rate too large; lowered to " + GapRate.MAX_RATE);
        }
        return Math.min(rate, GapRate.MAX_RATE);
    }

    private long readRate(Args args) throws ConfigurationException {
        Long rate = args.requirePositional("RATE", isBandwidth() ? ArgTypes.BANDWIDTH : ArgTypes.UNSIGNED);
        args.complete();
        return rate;
    }

    @Override
    public void addHandlers(HandlerRegistry handlers) {
        handlers.addReadWrite("rate", this::rateText, this::writeRate);
        handlers.addRead("config", this::rateText);
        handlers.addWrite("reset", value -> gapRate.reset());
    }

    private String rateText() {
        return isBandwidth() ? Bandwidths.format(gapRate.rate()) : Long.toString(gapRate.rate());
    }

    private void writeRate(String value) throws HandlerException {
        long rate;
        try {
            rate = readRate(Args.parse(value));
        } catch (ConfigurationException e) {
            throw new HandlerException(e.getMessage());
        }
        gapRate.setRate(lowered(rate), context().clock().nanoTime());
    }
}
