package dev.junction.standard;

import static dev.junction.standard.TestRouter.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.element.HandlerException;
import dev.junction.packet.PacketBatch;
import dev.junction.sched.NotifierKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RoundRobinSched, PrioSched, StrideSched and PullSwitch. */
class SchedulersTest {
    /** Queues feeding the inputs of {@code scheduler}; queue i holds {@code counts[i]} packets whose first byte is i. */
    private static List<Queue> queues(TestRouter router, Element scheduler, String config, int... counts)
            throws ConfigurationException {
        List<Queue> queues = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            queues.add(router.add(new Queue(), "q" + i, 1, 1, ""));
        }
        router.add(scheduler, "s", counts.length, 1, config);
        for (int i = 0; i < counts.length; i++) {
            connect(queues.get(i), 0, scheduler, i);
        }
        List<Element> all = new ArrayList<>(queues);
        all.add(scheduler);
        router.initialize(all.toArray(new Element[0]));
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                queues.get(i).push(0, router.batch(counts[i], 1, i));
            }
        }
        return queues;
    }

    /** Pulls from {@code scheduler} in pulls of up to {@code max} until it gives nothing; the first bytes. */
    private static List<Integer> drain(Element scheduler, int max) {
        List<Integer> order = new ArrayList<>();
        PacketBatch batch = new PacketBatch();
        while (scheduler.pull(0, batch, max) > 0) {
            for (int i = 0; i < batch.size(); i++) {
                order.add(batch.get(i).getUnsignedByte(0));
            }
            batch.killAll();
        }
        return order;
    }

    @Test
    void roundRobinSchedTakesTheInputsInTurn() throws Exception {
        for (int max : new int[] {1, 4, 32}) {
            try (TestRouter router = new TestRouter()) {
                RoundRobinSched rr = new RoundRobinSched();
                queues(router, rr, "", 3, 1, 2);
                assertEquals(List.of(0, 1, 2, 0, 2, 0), drain(rr, max), "batches of " + max);
                assertEquals(256, router.pool.available());
            }
        }
    }

    @Test
    void prioSchedEmptiesTheFirstInputsFirst() throws Exception {
        for (int max : new int[] {1, 2, 32}) {
            try (TestRouter router = new TestRouter()) {
                PrioSched prio = new PrioSched();
                List<Queue> queues = queues(router, prio, "", 2, 0, 3);
                assertEquals(List.of(0, 0, 2, 2, 2), drain(prio, max), "batches of " + max);
                queues.get(1).push(0, router.batch(1, 1, 1));
                queues.get(2).push(0, router.batch(1, 1, 2));
                assertEquals(List.of(1, 2), drain(prio, max));
            }
        }
    }

    /** Click's StrideSched(4, 2, 1) over three sources of 10 packets: conformance file standard/StrideSched-01. */
    private static final List<Integer> STRIDE_4_2_1 = List.of(0, 0, 1, 0, 0, 1, 2, 0, 0, 1, 0, 0, 1, 2, 0, 0, 1, 1,
            2, 1, 1, 2, 1, 1, 2, 2, 2, 2, 2, 2);

    @Test
    void strideSchedGivesClicksSequenceWhateverTheBatchSize() throws Exception {
        for (int max : new int[] {1, 2, 3, 5, 7, 32}) {
            try (TestRouter router = new TestRouter()) {
                StrideSched stride = new StrideSched();
                queues(router, stride, "4, 2, 1", 10, 10, 10);
                assertEquals(STRIDE_4_2_1, drain(stride, max), "batches of " + max);
            }
        }
    }

    @Test
    void strideSchedFromPullSources() throws Exception {
        for (int max : new int[] {1, 4, 32}) {
            try (TestRouter router = new TestRouter()) {
                StrideSched stride = router.add(new StrideSched(), "s", 3, 1, "4, 2, 1");
                List<Element> all = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    InfiniteSource source = router.add(new InfiniteSource(), "i" + i, 0, 1, "\\<0" + i + ">, LIMIT 10");
                    connect(source, 0, stride, i);
                    all.add(source);
                }
                all.add(stride);
                router.initialize(all.toArray(new Element[0]));
                assertEquals(STRIDE_4_2_1, drain(stride, max), "batches of " + max);
            }
        }
    }

    @Test
    void strideSchedTicketHandlers() throws Exception {
        try (TestRouter router = new TestRouter()) {
            StrideSched stride = new StrideSched();
            List<Queue> queues = queues(router, stride, "1, 1", 4, 4);
            TestRouter.Handlers handlers = router.handlers(stride);
            assertEquals("1", handlers.read("tickets0"));
            assertEquals("1, 1", handlers.read("config"));
            handlers.write("tickets0", "0");
            assertEquals(List.of(1, 1, 1, 1), drain(stride, 32), "input 0 has no tickets");
            handlers.write("tickets0", "3");
            queues.get(1).push(0, router.batch(4, 1, 1));
            assertEquals(List.of(1, 0, 0, 0, 1, 0, 1, 1), drain(stride, 32), "input 0 joins behind input 1");
            assertEquals("number of tickets must be >= 0",
                    assertThrows(HandlerException.class, () -> handlers.write("tickets1", "-1")).getMessage());
            assertEquals("tickets value must be integer",
                    assertThrows(HandlerException.class, () -> handlers.write("tickets1", "many")).getMessage());
        }
    }

    @Test
    void strideSchedArguments() throws Exception {
        try (TestRouter router = new TestRouter()) {
            assertEquals(List.of("need 2 arguments, one per input port"), assertThrows(ConfigurationException.class,
                    () -> router.add(new StrideSched(), "s", 2, 1, "1")).errors());
            assertEquals(List.of("argument 0 should be number of tickets (integer)",
                    "argument 1 (number of tickets) must be >= 0"), assertThrows(ConfigurationException.class,
                    () -> router.add(new StrideSched(), "s", 2, 1, "x, -2")).errors());
            StrideSched big = router.add(new StrideSched(), "s", 1, 1, "40000");
            assertEquals(32768, big.tickets(0));
        }
    }

    @Test
    void pullSwitchPullsFromTheSelectedInputAndFollowsItsNotifier() throws Exception {
        try (TestRouter router = new TestRouter()) {
            PullSwitch sw = new PullSwitch();
            List<Queue> queues = queues(router, sw, "1", 2, 3);
            Unqueue unqueue = router.add(new Unqueue(), "u", 1, 1, "BURST 32");
            Sink out = router.add(new Sink(), "r", 1, 0, "");
            connect(sw, 0, unqueue, 0);
            connect(unqueue, 0, out, 0);
            router.initialize(unqueue, out);
            assertTrue(sw.notifier(NotifierKind.EMPTY).isActive());

            router.runTasks(20);
            assertEquals(List.of(1, 1, 1), out.firstBytes());
            assertFalse(sw.notifier(NotifierKind.EMPTY).isActive(), "input 1's queue went dry");
            router.runTasks(5);
            assertFalse(router.anyTaskScheduled(), "the Unqueue sleeps on the PullSwitch");

            TestRouter.Handlers handlers = router.handlers(sw);
            handlers.write("switch", "0");
            assertEquals("0", handlers.read("switch"));
            assertTrue(sw.notifier(NotifierKind.EMPTY).isActive(), "input 0 has packets: woken");
            router.runTasks(3);
            assertEquals(List.of(1, 1, 1, 0, 0), out.firstBytes());

            handlers.write("switch", "7");
            assertEquals("-1", handlers.read("switch"));
            assertEquals("-1", handlers.read("config"));
            assertFalse(sw.notifier(NotifierKind.EMPTY).isActive());
            queues.get(1).push(0, router.batch(2, 1, 1));
            handlers.write("switch", "1");
            router.runTasks(3);
            assertEquals(7, out.packets());
            assertEquals("syntax error",
                    assertThrows(HandlerException.class, () -> handlers.write("switch", "x")).getMessage());
        }
    }

    @Test
    void pullSwitchKeepsTheHandlersChoiceInAHotSwap() throws Exception {
        try (TestRouter router = new TestRouter()) {
            PullSwitch old = new PullSwitch();
            queues(router, old, "0", 0, 0);
            router.handlers(old).write("switch", "1");
            dev.junction.element.ElementState state = new dev.junction.element.ElementState();
            old.saveState(state);
            PullSwitch replacement = router.add(new PullSwitch(), "t", 2, 1, "0");
            replacement.takeState(state);
            assertEquals(1, replacement.selected());
            PullSwitch edited = router.add(new PullSwitch(), "v", 2, 1, "-1");
            edited.takeState(state);
            assertEquals(-1, edited.selected());
            assertFalse(edited.notifier(NotifierKind.EMPTY).isActive());
        }
    }

    @Test
    void pullSwitchWakesWhenItsSelectedInputGetsPackets() throws Exception {
        try (TestRouter router = new TestRouter()) {
            PullSwitch sw = new PullSwitch();
            List<Queue> queues = queues(router, sw, "", 0, 0);
            Unqueue unqueue = router.add(new Unqueue(), "u", 1, 1, "BURST 32");
            Sink out = router.add(new Sink(), "r", 1, 0, "");
            connect(sw, 0, unqueue, 0);
            connect(unqueue, 0, out, 0);
            router.initialize(unqueue, out);
            router.runTasks(30);
            assertFalse(sw.notifier(NotifierKind.EMPTY).isActive());

            queues.get(1).push(0, router.batch(2, 1, 1));
            router.runTasks(3);
            assertFalse(sw.notifier(NotifierKind.EMPTY).isActive(), "input 1 is not selected");
            queues.get(0).push(0, router.batch(2, 1, 0));
            router.runTasks(3);
            assertEquals(List.of(0, 0), out.firstBytes(), "the relay woke the notifier, which woke the Unqueue");
        }
    }
}
