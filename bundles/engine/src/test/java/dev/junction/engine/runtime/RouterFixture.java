package dev.junction.engine.runtime;

import dev.junction.router.RouterException;
import dev.junction.router.RouterSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/** A test's factory, shared observers, and the routers it started (stopped after each test). */
final class RouterFixture implements AutoCloseable {
    final TestElements.Sequence sequence = new TestElements.Sequence();
    final AtomicInteger cleanups = new AtomicInteger();
    final List<String> timerLog = Collections.synchronizedList(new ArrayList<>());
    final ClassMapFactory factory = TestElements.factory(sequence, cleanups, timerLog);
    private final List<Router> routers = new ArrayList<>();

    Router start(String config) throws RouterException {
        return start(config, RuntimeOptions.defaults());
    }

    Router start(String config, RuntimeOptions options) throws RouterException {
        Router router = Router.start("test", RouterSource.ofText(config), factory, options);
        routers.add(router);
        return router;
    }

    /** Waits until {@code condition} holds, failing after {@code timeout}. */
    static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }

    @Override
    public void close() {
        routers.forEach(Router::stop);
    }
}
