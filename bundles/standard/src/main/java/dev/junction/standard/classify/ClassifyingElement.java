package dev.junction.standard.classify;

import dev.junction.element.Element;
import dev.junction.packet.Packet;
import dev.junction.packet.PacketBatch;
import dev.junction.standard.OutputBatches;

/**
 * The push path shared by Classifier, IPClassifier and IPFilter: one push input, any number of push outputs, a
 * {@link DecisionTree} compiled at configure time. A batch is classified in one pass; if every packet goes to
 * one output the batch itself is pushed on, otherwise the packets are sorted into preallocated per-output
 * batches and each output gets one push. Packets no rule takes are dropped.
 */
public abstract class ClassifyingElement extends Element {
    private DecisionTree tree = DecisionTree.compile(java.util.List.of());
    private OutputBatches perOutput;
    private int[] decisions = new int[PacketBatch.DEFAULT_CAPACITY];

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
        perOutput = new OutputBatches(this);
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
        // OutputBatches detaches a batch before pushing it: a packet pushed back into this element from
        // downstream is gathered apart from the batch being pushed.
        OutputBatches into = perOutput;
        for (int i = 0; i < size; i++) {
            int o = out[i];
            if (o < outputs) {
                into.add(o, packets[i]);
            } else {
                packets[i].kill();
            }
        }
        batch.clear();
        into.flush();
    }
}
