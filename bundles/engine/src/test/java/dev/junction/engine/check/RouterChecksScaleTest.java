package dev.junction.engine.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.engine.graph.Diagnostics;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A guard against quadratic checks, not a measurement: Click's sweep would need a pass per element to carry pull
 * back from the end of this chain, 10^8 link visits for 10,000 elements.
 */
class RouterChecksScaleTest {
    @Test
    void aLongPullChainChecksQuickly() {
        int length = 10_000;
        RouterBuilder b = new RouterBuilder("big").element("s", "InfiniteSource");
        String[] names = new String[length];
        names[0] = "s";
        for (int i = 1; i < length - 1; i++) {
            names[i] = "n" + i;
            b.element(names[i], i % 2 == 0 ? "Null" : "Counter");
        }
        names[length - 1] = "td";
        b.element("td", "ToDevice").chain(names);
        var router = b.build();
        CheckedRouter checked = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            Diagnostics diagnostics = new Diagnostics();
            CheckedRouter result = RouterChecks.check(router, ClickClasses.CATALOG, diagnostics);
            assertEquals(0, diagnostics.errorCount());
            return result;
        });
        assertTrue(checked.passed());
        assertEquals(Processing.PULL, checked.output(0, 0));
    }
}
