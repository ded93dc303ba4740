package dev.junction.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.junction.router.ElementStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacketRatesTest {
    @Test
    void countsSumThePortsAndRatesAreDifferencesOverTheInterval() {
        PacketRates.Sample before = new PacketRates.Sample(1_000_000_000L, List.of(
                new ElementStatus("src", "InfiniteSource", List.of(), List.of(1000L), false, 0),
                new ElementStatus("cl", "Classifier", List.of(1000L), List.of(600L, 400L), false, 0)));
        PacketRates.Sample after = new PacketRates.Sample(3_000_000_000L, List.of(
                new ElementStatus("src", "InfiniteSource", List.of(), List.of(5000L), false, 0),
                new ElementStatus("cl", "Classifier", List.of(5000L), List.of(3000L, 1999L), true, 1),
                new ElementStatus("new", "Discard", List.of(7L), List.of(), false, 0)));
        assertEquals("""
                ELEMENT  CLASS             IN   OUT  IN/s  OUT/s  FAILURES  STATE
                src      InfiniteSource     0  5000     0   2000         0
                cl       Classifier      5000  4999  2000   2000         1  orphaned
                new      Discard            7     0     -      -         0
                """, PacketRates.table(before, after));
    }

    @Test
    void aCounterThatWentBackShowsNoNegativeRate() {
        assertEquals("0", PacketRates.rate(-50, 1.0));
        assertEquals("333", PacketRates.rate(1000, 3.0));
        assertEquals("-", PacketRates.rate(1000, 0));
    }
}
