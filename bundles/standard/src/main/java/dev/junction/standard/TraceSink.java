package dev.junction.standard;

import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.element.ElementState;
import dev.junction.packet.PacketBatch;
import dev.junction.sched.NotifierSignal;
import dev.junction.sched.Task;
import dev.junction.sched.TaskBody;
import dev.junction.standard.trace.TraceFiles;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the trace writers (ToDump, ToIPSummaryDump) share: packets pushed in are written and pushed on (or
 * freed without an output), packets pulled through are written on the way, and with a pull input and no
 * output a task of their own pulls them; the buffered file is flushed and closed at cleanup. Each writer
 * keeps its own record format and documentation; its {@link #write} loop is called once per batch.
 *
 * <p>In a hot swap, a writer of the same name, file and format takes over its predecessor's open file, as Click's
 * do, so the trace goes on without a break: the successor, initialized while the predecessor still writes, finds
 * the file open by a live writer and waits for the hand-over instead of truncating it. A file no predecessor
 * hands over is opened anew at the first packet.
 */
abstract class TraceSink extends Element {
    /** The files live writers have open, by absolute path. */
    private static final Set<String> OPEN = ConcurrentHashMap.newKeySet();

    String filename;
    OutputStream out;
    /** The file is open by a live writer: the stream comes with the state, or is opened at the first packet. */
    private boolean awaitingHandOver;
    private boolean buffered;

    private Task task;
    private NotifierSignal upstream;
    private PacketBatch pulled;

    /** Writes packets {@code from..size-1} of {@code batch} to the file. */
    abstract void write(PacketBatch batch, int from);

    /** What must match for a successor to continue this writer's file: the record format and its settings. */
    abstract String format();

    /** Writes the file's header to {@link #out}, just opened. */
    abstract void writeFileHeader() throws ConfigurationException;

    /**
     * At initialize: opens the file and writes its header, unless a live writer has it open (a predecessor in a
     * hot swap): then the file waits for the hand-over.
     */
    final void openFile(boolean bufferedOutput) throws ConfigurationException {
        buffered = bufferedOutput;
        if (!filename.equals("-") && !OPEN.add(path())) {
            awaitingHandOver = true;
            return;
        }
        openNow();
    }

    private void openNow() throws ConfigurationException {
        try {
            out = TraceFiles.openOutput(filename, buffered);
        } catch (ConfigurationException e) {
            OPEN.remove(path());
            throw e;
        }
        writeFileHeader();
    }

    /** Whether there is a file to write to; opens it now if no predecessor handed one over (reported once). */
    final boolean ready() {
        if (!awaitingHandOver) {
            return out != null;
        }
        awaitingHandOver = false;
        OPEN.add(path());
        try {
            openNow();
        } catch (ConfigurationException e) {
            context().warning(e.getMessage());
        }
        return out != null;
    }

    private String path() {
        return Path.of(filename).toAbsolutePath().normalize().toString();
    }

    @Override
    public void saveState(ElementState state) {
        if (out != null && !filename.equals("-")) {
            TraceFiles.flush(out, filename, context());
            state.put("trace.file", path() + "\n" + format());
            state.put("trace.out", out);
            out = null; // the successor writes on; this writer's cleanup must not close the file
        }
    }

    @Override
    public void takeState(ElementState state) {
        OutputStream handed = state.get("trace.out", OutputStream.class);
        if (handed == null) {
            return;
        }
        if (awaitingHandOver && (path() + "\n" + format()).equals(state.get("trace.file", String.class))) {
            awaitingHandOver = false;
            out = handed;
            return;
        }
        // Another file or format: the predecessor's file is finished, and this writer's is begun as Click's would.
        String handedPath = state.get("trace.file", String.class).lines().findFirst().orElse("");
        TraceFiles.close(handed, handedPath, context());
        if (awaitingHandOver && handedPath.equals(path())) {
            awaitingHandOver = false;
            try {
                openNow();
            } catch (ConfigurationException e) {
                context().warning(e.getMessage());
            }
        } else {
            OPEN.remove(handedPath);
        }
    }

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
            task.sleepUntil(upstream);
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
            if (!filename.equals("-")) {
                OPEN.remove(path());
            }
        }
    }
}
