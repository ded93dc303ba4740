package dev.junction.standard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RateEwmaTest {
    @Test
    void fixedPointPrintsAsClickPrintsIt() {
        assertEquals("0", RateEwma.formatScaled(0, 10));
        assertEquals("1", RateEwma.formatScaled(1 << 10, 10));
        assertEquals("1.5", RateEwma.formatScaled(1536, 10));
        assertEquals("0.25", RateEwma.formatScaled(256, 10));
        assertEquals("0.001", RateEwma.formatScaled(1, 10), "the shortest decimal that reads back as 1/1024");
        assertEquals("0.1", RateEwma.formatScaled(2, 4), "2/16 = 0.125 reads back from 0.1 at 4 bits");
        assertEquals("-2.5", RateEwma.formatScaled(-40, 4));
        assertEquals("123456789012", RateEwma.formatScaled(123456789012L << 4, 4));
    }

    @Test
    void steadyArrivalsConvergeAndIdleEpochsDecay() {
        RateEwma rate = new RateEwma(4, 10, 0);
        long ms = 1_000_000;
        for (int epoch = 0; epoch < 400; epoch++) {
            rate.update(3, epoch * ms);
        }
        rate.update(0, 400 * ms);
        assertEquals(3000, Double.parseDouble(rate.format()), 10, "integer EWMA settles just below");
        rate.update(0, 410 * ms);
        double decayed = Double.parseDouble(rate.format());
        assertEquals(3000 * Math.pow(15.0 / 16, 10), decayed, 30);
        rate.update(0, 600 * ms);
        assertEquals("0", rate.format());
    }
}
