package dev.junction.standard;

import dev.junction.element.ArgTypes;
import dev.junction.element.Args;
import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.element.HandlerException;
import dev.junction.element.HandlerRegistry;
import dev.junction.packet.PacketBatch;
import dev.junction.sched.NotifierSignal;
import dev.junction.sched.Task;
import dev.junction.sched.Timer;

/**
 * What RatedUnqueue and BandwidthRatedUnqueue share, as in Click where one extends the other: the arguments,
 * the token bucket, the task that pulls what the bucket allows and pushes it, the timer that wakes the task
 * when tokens are due, and the handlers. The subclass says what a packet costs.
 */
abstract class RatedUnqueueBase extends Element {
    /** Click's {@code tb_bandwidth_thresh}: BandwidthRatedUnqueue pulls only with this many bytes of credit. */
    static final long BANDWIDTH_THRESHOLD = 131072;
    private static final long UINT_MAX = 0xFFFF_FFFFL;

    final TokenBucket bucket = new TokenBucket();
    // The burst as configured, kept for writes to the rate handler (Click reconfigures with the new RATE only).
    private long burstDurationMillis = 20;
    private boolean durationGiven;
    private boolean tokensGiven;
    private long burstTokens;
    private boolean active;
    private long runs;
    private long emptyRuns;
    private long pushes;
    private long failedPulls;
    private Task task;
    private Timer timer;
    private NotifierSignal upstream;
    private PacketBatch batch;
    PacketLengths lengths;

    /** Whether rates are bandwidths, in bytes per second, and packets cost their length. */
    abstract boolean isBandwidth();

    @Override
    public final String portCount() {
        return "1/1";
    }

    @Override
    public final String processing() {
        return "l/h";
    }

    @Override
    public void configure(Args args) throws ConfigurationException {
        configureBucket(args, true);
    }

    /** Click's {@code configure_helper}: RATE and the burst, into the bucket. */
    private void configureBucket(Args args, boolean full) throws ConfigurationException {
        boolean bandwidth = isBandwidth();
        String burstName = bandwidth ? "BURST_BYTES" : "BURST_SIZE";
        Long rate = args.requirePositional("RATE", bandwidth ? ArgTypes.BANDWIDTH : ArgTypes.UNSIGNED);
        if (full) {
            durationGiven = args.has("BURST_DURATION");
            Long duration = args.read("BURST_DURATION", ArgTypes.TIME, null);
            burstDurationMillis = duration == null ? 20 : duration / 1_000_000L; // SecondsArg(3): milliseconds
            tokensGiven = args.has(burstName);
            burstTokens = args.read(burstName, ArgTypes.UNSIGNED, 0L);
        }
        args.complete();
        long tokens = burstTokens;
        long durationMillis = burstDurationMillis;
        if (rate > UINT_MAX) {
            throw new ConfigurationException("RATE: out of range");
        }
        if (durationGiven && tokensGiven) {
            throw new ConfigurationException("cannot specify both BURST_DURATION and BURST_SIZE");
        }
        if (!tokensGiven) {
            long product;
            try {
                product = Math.multiplyExact(rate, durationMillis) / 1000;
            } catch (ArithmeticException e) {
                product = UINT_MAX;
            }
            tokens = Math.min(UINT_MAX, product);
        }
        if (bandwidth) {
            tokens = Math.min(UINT_MAX, tokens + BANDWIDTH_THRESHOLD);
        }
        bucket.assign(rate, tokens != 0 ? tokens : 1);
    }

    @Override
    public void initialize() {
        active = true;
        batch = new PacketBatch();
        lengths = new PacketLengths();
        task = context().createTask(this::run);
        timer = context().createTimer(expired -> task.reschedule());
        upstream = context().upstreamEmptySignal(0, task);
        bucket.fill(context().clock().nanoTime());
        task.reschedule();
    }

    /** The task: pulls and pushes what the tokens allow, or sleeps until tokens or packets come. */
    private boolean run() {
        runs++;
        if (!active) {
            task.unschedule();
            return false;
        }
        bucket.refill(context().clock().nanoTime());
        long needed = isBandwidth() ? BANDWIDTH_THRESHOLD : 1;
        if (!bucket.contains(needed)) {
            task.unschedule();
            long delay = bucket.nanosUntilContains(needed);
            if (delay >= 0) {
                timer.scheduleAfter(delay);
            }
            emptyRuns++;
            return false;
        }
        int pulled = pullAllowed(batch);
        if (pulled == 0) {
            failedPulls++;
            emptyRuns++;
            if (!upstream.isActive()) {
                task.sleepUntil(upstream);
            }
            return false;
        }
        pushes += pulled;
        output(0).push(batch);
        batch.clear();
        return true;
    }

    /** Pulls into {@code into} the packets the bucket allows now, and takes their tokens; returns how many. */
    abstract int pullAllowed(PacketBatch into);

    @Override
    public void addHandlers(HandlerRegistry handlers) {
        handlers.addRead("calls", () -> runs + " calls to run_task()\n" + emptyRuns + " empty runs\n" + pushes
                + " pushes\n" + failedPulls + " failed pulls\n");
        handlers.addReadWrite("rate", this::rateText, this::writeRate);
        handlers.addRead("config", this::rateText);
        handlers.addReadWrite("active", () -> Boolean.toString(active), value -> {
            active = HandlerValues.parseBoolean(value, "syntax error");
            if (active && !task.isScheduled()) {
                task.reschedule();
            }
        });
    }

    private String rateText() {
        return isBandwidth() ? Bandwidths.format(bucket.rate()) : Long.toString(bucket.rate());
    }

    /** Click reconfigures with the new RATE (and no burst keywords, so the burst follows the rate). */
    private void writeRate(String value) throws HandlerException {
        try {
            configureBucket(Args.parse(value), false);
        } catch (ConfigurationException e) {
            throw new HandlerException(e.getMessage());
        }
        if (active && !task.isScheduled()) {
            task.reschedule();
        }
    }
}
