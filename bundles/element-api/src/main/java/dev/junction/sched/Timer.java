package dev.junction.sched;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A one-shot timer (Click's {@code Timer}) on the router's {@link Clock}, created by the engine and kept in a
 * timing wheel. A periodic timer reschedules itself from its callback with {@link #rescheduleAfter(long)},
 * which counts from the previous expiry so that the period does not drift.
 */
@ProviderType
public interface Timer {
    /** Schedules the timer to expire at {@code nanoTime} on the router's clock, replacing any earlier schedule. */
    void scheduleAt(long nanoTime);

    /** Schedules the timer to expire {@code delayNanos} from now. */
    void scheduleAfter(long delayNanos);

    /** Schedules the timer {@code periodNanos} after its last expiry (or from now if it never expired). */
    void rescheduleAfter(long periodNanos);

    /** Cancels the timer if it is scheduled. */
    void unschedule();

    /** Whether the timer is scheduled. */
    boolean isScheduled();

    /** The clock time at which the timer expires or last expired. */
    long expiry();
}
