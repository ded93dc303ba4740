package dev.junction.sched;

/** What a {@link Notifier} announces, as Click's empty and full notifiers do. */
public enum NotifierKind {
    /** Active while the element upstream may have packets to pull (a non-empty queue). */
    EMPTY,
    /** Active while the element downstream may accept packets (a queue that is not full). */
    FULL
}
