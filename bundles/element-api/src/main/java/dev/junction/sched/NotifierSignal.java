package dev.junction.sched;

import java.util.List;

/**
 * What a listening element reads: the OR of the notifiers found upstream (or downstream) of one of its
 * ports (Click's {@code NotifierSignal}). When no notifier is found the signal is always active, so the
 * listener simply keeps polling.
 */
public final class NotifierSignal {
    private static final NotifierSignal ALWAYS_ACTIVE = new NotifierSignal(new Notifier[0]);

    private final Notifier[] notifiers;

    private NotifierSignal(Notifier[] notifiers) {
        this.notifiers = notifiers;
    }

    /** A signal that is always active. */
    public static NotifierSignal alwaysActive() {
        return ALWAYS_ACTIVE;
    }

    /** The OR of {@code notifiers}; with none, {@link #alwaysActive()}. */
    public static NotifierSignal anyOf(List<Notifier> notifiers) {
        return notifiers.isEmpty() ? ALWAYS_ACTIVE : new NotifierSignal(notifiers.toArray(new Notifier[0]));
    }

    /** Whether any notifier is active (or there is none). */
    public boolean isActive() {
        if (notifiers.length == 0) {
            return true;
        }
        for (Notifier notifier : notifiers) {
            if (notifier.isActive()) {
                return true;
            }
        }
        return false;
    }

    /** Whether this signal listens to no notifier and so is always active. */
    public boolean isAlwaysActive() {
        return notifiers.length == 0;
    }

    /** The notifiers this signal combines. */
    public List<Notifier> notifiers() {
        return List.of(notifiers);
    }
}
