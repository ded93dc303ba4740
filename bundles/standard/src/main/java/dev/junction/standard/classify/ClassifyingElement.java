package dev.junction.standard.classify;

import dev.junction.element.Element;
import dev.junction.packet.Packet;
import dev.junction.packet.PacketBatch;

/**
 * The push path shared by Classifier, IPClassifier and IPFilter: one push input, any number of push outputs, a
 * {@link DecisionTree} compiled at configure time. A batch is classified in one pass; if every packet goes to
 * one output the batch itself is pushed on, otherwise the packets are sorted into preallocated per-output
 * batches and each output gets one push. Packets no rule takes are dropped.
 */
public abstract class ClassifyingElement extends Element {
    private DecisionTree tree = DecisionTree.compile(java.util.List.of());
    private PacketBatch[] perOutput = new PacketBatch[0];
    private int[] decisions = new int[PacketBatch.DEFAULT_CAPACITY];
    private boolean busy;

    @Override
    public String portCount() {
        return "1/-";
    }

    @Override
    public String processing() {
        return "h/h";
    }

    /** Installs a compiled tree (at configure time, or from a handler between batches). */
    public final void install(DecisionTree compiled) {
        tree = compiled;
    }

    /** The tree in use. */
    public final DecisionTree tree() {
        return tree;
    }

    @Override
    public void initialize() {
        perOutput = batches(PacketBatch.DEFAULT_CAPACITY);
    }

    private PacketBatch[] batches(int capacity) {
        PacketBatch[] made = new PacketBatch[outputCount()];
        for (int i = 0; i < made.length; i++) {
            made[i] = new PacketBatch(capacity);
        }
        return made;
    }

    @Override
    public void push(int port, PacketBatch batch) {
        int size = batch.size();
        if (size == 0) {
            return;
        }
        DecisionTree t = tree;
        int outputs = outputCount();
        Packet[] packets = batch.array();
        if (decisions.length < size) {
            decisions = new int[batch.capacity()];
        }
        int[] out = decisions;
        int first = t.classify(packets[0]);
        boolean same = true;
        out[0] = first;
        for (int i = 1; i < size; i++) {
            int o = t.classify(packets[i]);
            out[i] = o;
            same &= o == first;
        }
        if (same) {
            if (first < outputs) {
                output(first).push(batch);
            } else {
                batch.killAll();
            }
            return;
        }
        // A packet pushed back into this element from downstream must not reuse batches still being filled.
        PacketBatch[] into = busy ? batches(batch.capacity()) : perOutput;
        if (into.length != outputs || outputs > 0 && into[0].capacity() < size) {
            into = perOutput = batches(Math.max(batch.capacity(), PacketBatch.DEFAULT_CAPACITY));
        }
        boolean wasBusy = busy;
        busy = true;
        try {
            for (int i = 0; i < size; i++) {
                int o = out[i];
                if (o < outputs) {
                    into[o].add(packets[i]);
                } else {
                    packets[i].kill();
                }
            }
            batch.clear();
            for (int o = 0; o < outputs; o++) {
                PacketBatch b = into[o];
                if (!b.isEmpty()) {
                    output(o).push(b);
                    b.clear();
                }
            }
        } finally {
            busy = wasBusy;
        }
    }
}
