package dev.junction.standard;

import dev.junction.element.Element;
import dev.junction.element.ElementContext;
import dev.junction.element.HandlerException;
import dev.junction.element.StandaloneContext;
import dev.junction.packet.PacketPool;
import dev.junction.sched.Clock;
import dev.junction.sched.NotifierSignal;
import dev.junction.sched.Task;
import dev.junction.sched.TaskBody;
import dev.junction.sched.Timer;
import dev.junction.sched.TimerCallback;

/**
 * The base of the tests' own element contexts: everything goes to a {@link StandaloneContext} (tasks, timers
 * and warnings included), so a test overrides only what it changes.
 */
abstract class DelegatingContext implements ElementContext {
    final StandaloneContext standalone;

    DelegatingContext(StandaloneContext standalone) {
        this.standalone = standalone;
    }

    @Override
    public String name() {
        return standalone.name();
    }

    @Override
    public String landmark() {
        return standalone.landmark();
    }

    @Override
    public Clock clock() {
        return standalone.clock();
    }

    @Override
    public PacketPool packetPool() {
        return standalone.packetPool();
    }

    @Override
    public Task createTask(TaskBody body) {
        return standalone.createTask(body);
    }

    @Override
    public Timer createTimer(TimerCallback callback) {
        return standalone.createTimer(callback);
    }

    @Override
    public NotifierSignal upstreamEmptySignal(int port, Task listener) {
        return standalone.upstreamEmptySignal(port, listener);
    }

    @Override
    public NotifierSignal downstreamFullSignal(int port, Task listener) {
        return standalone.downstreamFullSignal(port, listener);
    }

    @Override
    public Element element(String name) {
        return standalone.element(name);
    }

    @Override
    public String readHandler(String handler) throws HandlerException {
        return standalone.readHandler(handler);
    }

    @Override
    public void writeHandler(String handler, String value) throws HandlerException {
        standalone.writeHandler(handler, value);
    }

    @Override
    public boolean isInputPush(int port) {
        return standalone.isInputPush(port);
    }

    @Override
    public boolean isOutputPush(int port) {
        return standalone.isOutputPush(port);
    }

    @Override
    public void warning(String message) {
        standalone.warning(message);
    }

    @Override
    public void defineName(String type, String name, String value) {
        standalone.defineName(type, name, value);
    }

    @Override
    public String lookupName(String type, String name) {
        return standalone.lookupName(type, name);
    }
}
