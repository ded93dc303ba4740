package dev.junction.standard;

import dev.junction.element.Element;
import dev.junction.packet.PacketBatch;
import java.util.ArrayList;
import java.util.List;

/** A push sink for tests that records the paint and timestamp of each packet reaching it, then frees it. */
final class PaintSink extends Element {
    final List<Integer> paints = new ArrayList<>();
    final List<Long> timestamps = new ArrayList<>();
    long batches;

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
            paints.add(batch.get(i).paint());
            timestamps.add(batch.get(i).timestampNanos());
        }
        batch.killAll();
    }
}
