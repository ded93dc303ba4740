package dev.junction.standard;

import static dev.junction.standard.TestRouter.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.packet.Packet;
import dev.junction.packet.PacketBatch;
import dev.junction.standard.classify.ClassifyingElement;
import org.junit.jupiter.api.Test;

/** The classifiers allocate nothing per packet, whether a batch goes to one output or is split. */
class ClassifierAllocationTest {
    private static final int ROUNDS = 20_000;
    private static final int BURST = 32;

    @Test
    void ipClassifierUdpOrRest() throws Exception {
        measure(new IPClassifier(), "udp, -", 2);
    }

    @Test
    void ipFilterWithRelations() throws Exception {
        measure(new IPFilter(), "0 src port > 1023 && dst host 10.0.0.2, 1 tcp, drop all", 2);
    }

    @Test
    void classifierOnEthernetTypes() throws Exception {
        measure(new Classifier(), "0/45, 9/06, -", 3);
    }

    private static void measure(ClassifyingElement element, String config, int outputs) throws Exception {
        try (TestRouter router = new TestRouter(256)) {
            router.add(element, "c", 1, outputs, config);
            Discard[] sinks = new Discard[outputs];
            for (int i = 0; i < outputs; i++) {
                sinks[i] = router.add(new Discard(), "d" + i, 1, 0, "");
                connect(element, i, sinks[i], 0);
            }
            router.initialize(element);
            PacketBatch batch = new PacketBatch(BURST);
            AllocationMeter.assertNoAllocationPerPacket(() -> {
                run(router, element, batch, ROUNDS, true);
                run(router, element, batch, ROUNDS, false);
            }, () -> discarded(sinks));
            assertTrue(discarded(sinks) > 0);
            assertEquals(256, router.pool.available(), "every packet went back to the pool");
        }
    }

    private static long discarded(Discard[] sinks) {
        long total = 0;
        for (Discard sink : sinks) {
            total += sink.count();
        }
        return total;
    }

    /** Pushes ROUNDS batches: all UDP (one output) or alternating UDP and TCP (split). */
    private static void run(TestRouter router, ClassifyingElement element, PacketBatch batch, int rounds, boolean mixed) {
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < BURST; i++) {
                Packet p = router.pool.allocate();
                p.setWindow(64, 28);
                p.setInt(0, 0x4500001c);
                p.setInt(4, 0);
                p.setInt(8, 0x40000000 | (mixed && (i & 1) == 1 ? 6 : 17) << 16);
                p.setInt(12, 0x0a000001);
                p.setInt(16, 0x0a000002);
                p.setInt(20, 0x04d20035 + (i << 16));
                p.setInt(24, 0);
                p.setNetworkHeader(0, 20);
                batch.add(p);
            }
            element.push(0, batch);
            batch.clear();
        }
    }
}
