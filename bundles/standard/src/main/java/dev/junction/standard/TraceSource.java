package dev.junction.standard;

import dev.junction.element.Args;
import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.element.ElementState;
import dev.junction.element.HandlerException;
import dev.junction.packet.Packet;
import dev.junction.packet.PacketBatch;
import dev.junction.sched.Notifier;
import dev.junction.sched.NotifierKind;
import dev.junction.sched.Task;
import dev.junction.sched.TaskBody;
import dev.junction.sched.Timer;
import java.math.BigDecimal;
import java.util.SplittableRandom;

/**
 * What the trace readers (FromDump, FromIPSummaryDump) share: SAMPLE and BURST, the task that pushes in push
 * context or the notifier that paces pulls in pull context, TIMING's pacing by packet timestamps (the packet
 * held back until its time), and the stop handler. Each reader keeps its own read loop, file handling and
 * documentation; the helpers here are final, so the loops stay monomorphic.
 */
abstract class TraceSource extends Element {
    /** SAMPLE is kept as a fixed-point probability with this many fraction bits. */
    static final int SAMPLE_SHIFT = 28;

    final Notifier producing = new Notifier(NotifierKind.EMPTY, true);
    private final SplittableRandom random = new SplittableRandom();

    boolean active;
    boolean stop;
    boolean timing;
    int sampling;
    int burst;

    boolean pullContext;
    Task task;
    Timer timer;
    /** The push task's batch (push context only). */
    PacketBatch batch;
    /** A packet read but held back: TIMING says its time has not come. */
    Packet pending;
    private boolean haveTimingOffset;
    private long timingOffset;

    /** Before {@code args.complete()}: a negative SAMPLE is an argument error. */
    static void checkSample(Args args, double sample) {
        if (sample < 0) {
            args.error("SAMPLE: must be >= 0");
        }
    }

    /** After {@code args.complete()}: SAMPLE (above 1 is 1, with a warning) and BURST's range. */
    final void setSampleAndBurst(double sample) throws ConfigurationException {
        if (sample > 1) {
            context().warning("SAMPLE probability reduced to 1");
            sample = 1;
        } else if (sample == 0) {
            context().warning("SAMPLE probability is 0; emitting no packets");
        }
        sampling = (int) Math.round(sample * (1 << SAMPLE_SHIFT));
        if (burst < 1 || burst > 256) {
            throw new ConfigurationException("BURST: must be from 1 to 256");
        }
    }

    /** At initialize: the timer for TIMING and, in push context, the task that runs {@code body}. */
    final void initializePacing(TaskBody body) {
        pullContext = !context().isOutputPush(0);
        timer = context().createTimer(expired -> wake());
        if (!pullContext) {
            batch = new PacketBatch(burst);
            task = context().createTask(body);
        }
    }

    /** At the end of initialize: the push task starts if the reader is active. */
    final void startPacing() {
        if (active && task != null) {
            task.reschedule();
        }
    }

    /** Whether SAMPLE leaves the next packet out. */
    final boolean sampledOut() {
        return sampling < (1 << SAMPLE_SHIFT) && random.nextInt(1 << SAMPLE_SHIFT) >= sampling;
    }

    /** TIMING: whether {@code packet}'s time has come; if not, the timer is set for it. */
    final boolean due(Packet packet) {
        long now = context().clock().nanoTime();
        if (!haveTimingOffset) {
            timingOffset = now - packet.timestampNanos();
            haveTimingOffset = true;
        }
        long at = packet.timestampNanos() + timingOffset;
        if (now >= at) {
            return true;
        }
        timer.scheduleAt(at);
        return false;
    }

    /** Resumes reading (the timer fired, or the element was made active). */
    final void wake() {
        if (active) {
            if (pullContext) {
                producing.wake();
            } else {
                task.reschedule();
            }
        }
    }

    /** Drops the packet held back for TIMING (cleanup). */
    final void killPending() {
        if (pending != null) {
            pending.kill();
            pending = null;
        }
    }

    /** Hot swap: the packet held back goes to the replacement. */
    final void savePending(ElementState state) {
        if (pending != null) {
            state.put("pending", pending);
            pending = null;
        }
    }

    /** Hot swap: the packet its predecessor held back, if any. */
    final void takePending(ElementState state) {
        pending = state.get("pending", Packet.class);
    }

    @Override
    public final Notifier notifier(NotifierKind kind) {
        return kind == NotifierKind.EMPTY && pullContext ? producing : null;
    }

    /** The sampling_prob handler: SAMPLE without trailing zeros. */
    final String samplingProbability() {
        return BigDecimal.valueOf((double) sampling / (1 << SAMPLE_SHIFT)).stripTrailingZeros().toPlainString();
    }

    /** The stop handler: the element becomes inactive and the router stops. */
    final void stopFromHandler() {
        active = false;
        try {
            context().writeHandler("stop", "");
        } catch (HandlerException e) {
            context().warning("stop: " + e.getMessage());
        }
    }
}
