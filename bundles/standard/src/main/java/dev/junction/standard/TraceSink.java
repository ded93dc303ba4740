package dev.junction.standard;

import dev.junction.element.Element;
import dev.junction.packet.PacketBatch;
import dev.junction.sched.NotifierSignal;
import dev.junction.sched.Task;
import dev.junction.sched.TaskBody;
import dev.junction.standard.trace.TraceFiles;
import java.io.OutputStream;

/**
 * What the trace writers (ToDump, ToIPSummaryDump) share: packets pushed in are written and pushed on (or
 * freed without an output), packets pulled through are written on the way, and with a pull input and no
 * output a task of their own pulls them; the buffered file is flushed and closed at cleanup. Each writer
 * keeps its own record format and documentation; its {@link #write} loop is called once per batch.
 */
abstract class TraceSink extends Element {
    String filename;
    OutputStream out;

    private Task task;
    private NotifierSignal upstream;
    private PacketBatch pulled;

    /** Writes packets {@code from..size-1} of {@code batch} to the file. */
    abstract void write(PacketBatch batch, int from);

    /** At initialize, in pull context without an output: a task running {@code body} pulls the packets. */
    final void startPullTask(TaskBody body) {
        if (!context().isInputPush(0) && outputCount() == 0) {
            pulled = new PacketBatch();
            task = context().createTask(body);
            upstream = context().upstreamEmptySignal(0, task);
            task.reschedule();
        }
    }

    /** The pull task's work: pulls a batch, writes and frees it; sleeps until upstream has packets again. */
    final boolean pullAndWrite() {
        int got = input(0).pull(pulled, pulled.capacity());
        if (got > 0) {
            write(pulled, 0);
            pulled.killAll();
            return true;
        }
        if (!upstream.isAlwaysActive()) {
            Tasks.sleepUntil(task, upstream);
        }
        return false;
    }

    /** Stops the pull task (the writer gave up). */
    final void stopPullTask() {
        task.unschedule();
    }

    @Override
    public final void push(int port, PacketBatch batch) {
        write(batch, 0);
        if (outputCount() > 0) {
            output(0).push(batch);
        } else {
            batch.killAll();
        }
    }

    @Override
    public final int pull(int port, PacketBatch into, int max) {
        int start = into.size();
        input(0).pull(into, max);
        write(into, start);
        return into.size() - start;
    }

    /** Writes the buffered output to the file. */
    final void flush() {
        if (out != null) {
            TraceFiles.flush(out, filename, context());
        }
    }

    @Override
    public final void cleanup() {
        if (out != null) {
            TraceFiles.close(out, filename, context());
            out = null;
        }
    }
}
