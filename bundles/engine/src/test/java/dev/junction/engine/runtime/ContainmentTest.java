package dev.junction.engine.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.router.ElementStatus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An element that throws is charged with the failure, and the router goes on. */
class ContainmentTest {
    private final RouterFixture fixture = new RouterFixture();

    @AfterEach
    void stopRouters() {
        fixture.close();
    }

    @Test
    void throwingElementIsCountedAndTheRouterKeepsRunning() throws Exception {
        Router router = fixture.start("""
                src :: NumberedSource;
                f :: Flaky;
                sink :: CountingSink;
                src -> f -> sink;
                """);
        RouterFixture.await("three failures", Duration.ofSeconds(20), () -> failures(router, "f") >= 3);
        TestElements.CountingSink sink = (TestElements.CountingSink) router.element("sink");
        long received = sink.count();
        RouterFixture.await("traffic after the failures", Duration.ofSeconds(10), () -> sink.count() > received + 1000);
        assertTrue(router.isRunning());
        assertEquals(0, failures(router, "src"), "the source's task ran the failing code but did not throw");
        assertEquals(0, failures(router, "sink"));
    }

    private static long failures(Router router, String element) {
        List<ElementStatus> status = router.status();
        return status.stream().filter(s -> s.name().equals(element)).findFirst().orElseThrow().failures();
    }
}
