package dev.junction.standard;

import dev.junction.element.Args;
import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.element.StandaloneContext;
import dev.junction.packet.Packet;
import dev.junction.packet.PacketBatch;
import dev.junction.packet.PacketPool;
import dev.junction.sched.ManualClock;
import java.util.ArrayList;
import java.util.List;

/** A source-to-sink test bench for the trace elements: elements on StandaloneContexts, a recording sink. */
final class TraceHarness implements AutoCloseable {
    final PacketPool pool = PacketPool.create("trace", 256, 2048, 128);
    final ManualClock clock = new ManualClock(1_700_000_000_000_000_000L);
    final List<StandaloneContext> contexts = new ArrayList<>();

    <E extends Element> E add(E element, String name, int inputs, int outputs, String config)
            throws ConfigurationException {
        StandaloneContext context = new StandaloneContext(name, pool, clock);
        contexts.add(context);
        element.attach(context, inputs, outputs);
        element.configure(Args.parse(config));
        return element;
    }

    /** Runs every task until none does work (at most {@code rounds} rounds). */
    void run(int rounds) {
        for (int i = 0; i < rounds; i++) {
            boolean worked = false;
            for (StandaloneContext context : contexts) {
                worked |= context.runTasks();
            }
            if (!worked) {
                return;
            }
        }
    }

    List<String> warnings() {
        List<String> all = new ArrayList<>();
        contexts.forEach(c -> all.addAll(c.warnings()));
        return all;
    }

    List<String> handlerWrites() {
        List<String> all = new ArrayList<>();
        contexts.forEach(c -> all.addAll(c.handlerWrites()));
        return all;
    }

    @Override
    public void close() {
        pool.close();
    }

    /** What a packet looked like when it reached the sink. */
    record Seen(byte[] data, long timestamp, int paint, int networkHeader, int networkHeaderLength, int dstIp) {
    }

    /** A push sink that records every packet, then frees it. */
    static final class Recorder extends Element {
        final List<Seen> seen = new ArrayList<>();
        int batches;

        @Override
        public String portCount() {
            return "1/0";
        }

        @Override
        public String processing() {
            return "h/";
        }

        @Override
        public void push(int port, PacketBatch batch) {
            batches++;
            for (int i = 0; i < batch.size(); i++) {
                Packet p = batch.get(i);
                seen.add(new Seen(p.toByteArray(), p.timestampNanos(), p.paint(),
                        p.hasNetworkHeader() ? p.networkHeaderOffset() : -1,
                        p.hasNetworkHeader() ? p.networkHeaderLength() : -1, p.dstIp()));
            }
            batch.killAll();
        }
    }

    static byte[] bytes(String hex) {
        String clean = hex.replaceAll("\\s", "");
        byte[] out = new byte[clean.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(clean.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
