package dev.junction.standard;

import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;

/** Queue -> {@code unqueue} (an element pulling from the queue and pushing on) -> Sink, initialized. */
record QueuePath<E extends Element>(TestRouter router, Queue queue, E unqueue, Sink sink) {
    static <E extends Element> QueuePath<E> of(TestRouter router, E unqueue, String config)
            throws ConfigurationException {
        Queue queue = router.add(new Queue(), "q", 1, 1, "");
        router.add(unqueue, "u", 1, 1, config);
        Sink sink = router.add(new Sink(), "k", 1, 0, "");
        TestRouter.connect(queue, 0, unqueue, 0);
        TestRouter.connect(unqueue, 0, sink, 0);
        router.initialize(queue, unqueue, sink);
        return new QueuePath<>(router, queue, unqueue, sink);
    }

    /** Pushes {@code packets} fresh packets of {@code length} bytes, painted 0, 1, 2, ..., into the queue. */
    void fill(int packets, int length) {
        queue.push(0, router.painted(packets, length, 0));
    }

    /** Advances the clock, fires timers, runs tasks. */
    void step(long nanos) {
        router.clock.advance(nanos);
        router.runTimers();
        router.runTasks();
    }
}
