package dev.junction.standard;

import dev.junction.element.Args;
import dev.junction.element.ArgTypes;
import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.element.HandlerException;
import dev.junction.element.HandlerRegistry;
import dev.junction.packet.PacketBatch;
import dev.junction.sched.NotifierSignal;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * StrideSched: answers pulls from its inputs in proportion to their tickets, by stride scheduling.
 *
 * <p>The clients (inputs with tickets) sit in a list ordered by pass, as in Click; a Click pull walks the list
 * from the front, striding each client it tries, until one gives a packet, then puts the clients it strode
 * back in order. A batch pull repeats that, but asks the front client for its whole run at once: as many
 * packets as it would answer in a row before its pass overtakes the next client's.
 */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("StrideSched")
@ElementDoc(
        synopsis = "StrideSched(TICKETS0, ..., TICKETSn-1)",
        category = "scheduling",
        summary = "pulls from stride-scheduled inputs",
        description = """
                Answers pulls on its output with packets from its N inputs, in proportion to the tickets of \
                each input, by packet-based stride scheduling. On each pull it tries the inputs in the order \
                of the stride scheduler's queue until one gives a packet; an input that gives none is not \
                tried again within that pull, however short its stride. Inputs whose upstream empty notifiers \
                (a Queue's, say) say they have nothing are passed over without being pulled. An input with 0 \
                tickets is never pulled. Pull; one or more inputs, one output.

                A pull for a batch of N packets gives exactly the packets, in the order, that N pulls of \
                Click's StrideSched would give; an input that answers several pulls in a row is pulled for \
                all of them at once.""",
        arguments = @ElementDoc.Argument(name = "TICKETSi", description = """
                Integer from 0 to 32768 (larger values are reduced to 32768, with a warning). Input i's \
                tickets. One argument per input."""),
        handlers = {
            @ElementDoc.Handler(name = "tickets0", mode = "read/write", description = """
                    Input 0's tickets; tickets1, tickets2 and so on are the other inputs'. Writing 0 takes the input out \
                    of the schedule; writing a positive number to an input with 0 tickets puts it back, with \
                    the pass of the front of the queue."""),
            @ElementDoc.Handler(name = "config", description = "The tickets of every input, separated by commas.")
        },
        example = "q0 :: Queue -> [0] s :: StrideSched(3, 1) -> ToDevice(eth0);  q1 :: Queue -> [1] s;",
        seeAlso = {"PrioSched", "RoundRobinSched", "Queue"})
public final class StrideSched extends Element {
    /** Click's STRIDE1: a client's stride is this divided by its tickets. */
    private static final int STRIDE1 = 1 << 16;
    private static final int MAX_TICKETS = 1 << 15;
    private static final int NONE = -1;

    // Per client (input): tickets, stride and pass (unsigned 32-bit, compared with wrap-around as in Click),
    // and the next client in the queue.
    private int[] tickets = new int[0];
    private int[] stride = new int[0];
    private int[] pass = new int[0];
    private int[] next = new int[0];
    private int head = NONE;
    private NotifierSignal[] signals = new NotifierSignal[0];

    @Override
    public String portCount() {
        return "1-/1";
    }

    @Override
    public String processing() {
        return "l/l";
    }

    @Override
    public void configure(Args args) throws ConfigurationException {
        List<String> arguments = args.remainingPositional();
        args.complete();
        int clients = inputCount();
        if (arguments.size() != clients) {
            throw new ConfigurationException("need " + clients + " arguments, one per input port");
        }
        tickets = new int[clients];
        stride = new int[clients];
        pass = new int[clients];
        next = new int[clients];
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            int value;
            try {
                value = ArgTypes.INTEGER.parse(arguments.get(i).strip(), args);
            } catch (IllegalArgumentException e) {
                errors.add("argument " + i + " should be number of tickets (integer)");
                continue;
            }
            if (value < 0) {
                errors.add("argument " + i + " (number of tickets) must be >= 0");
                continue;
            }
            if (value > MAX_TICKETS) {
                context().warning("input " + i + "'s tickets reduced to " + MAX_TICKETS);
                value = MAX_TICKETS;
            }
            setTickets(i, value);
            pass[i] = stride[i];
        }
        // Inserted in reverse, so that clients with equal passes run in input order.
        head = NONE;
        for (int i = clients - 1; i >= 0; i--) {
            if (tickets[i] != 0) {
                insert(i);
            }
        }
        if (!errors.isEmpty()) {
            throw new ConfigurationException(errors);
        }
    }

    private void setTickets(int client, int count) {
        tickets[client] = count;
        stride[client] = count != 0 ? STRIDE1 / count : 0;
    }

    @Override
    public void initialize() {
        signals = Tasks.upstreamSignals(context(), inputCount(), null);
    }

    // ---------------------------------------------------------------- packets

    @Override
    public int pull(int port, PacketBatch into, int max) {
        int got = 0;
        while (got < max && head != NONE) {
            int front = head;
            int run = runLength(front, max - got);
            int pulled = signals[front].isActive() ? input(front).pull(into, run) : 0;
            if (pulled > 0) {
                got += pulled;
                pass[front] += pulled * stride[front];
                head = next[front];
                insert(front);
                if (pulled == run) {
                    continue;
                }
                // It ran dry before the end of its run, so it is still at the front.
            }
            // A Click pull whose first client, at the front, has nothing: the others are tried in order.
            int found = pullPastFront(into);
            if (found == 0) {
                break;
            }
            got += found;
        }
        return got;
    }

    /**
     * How many pulls in a row {@code client}, at the front, answers before its pass overtakes the next
     * client's (on a tie it stays in front), at most {@code limit}.
     */
    private int runLength(int client, int limit) {
        int second = next[client];
        if (second == NONE) {
            return limit;
        }
        int run = 1;
        int advanced = pass[client] + stride[client];
        while (run < limit && advanced - pass[second] <= 0) {
            run++;
            advanced += stride[client];
        }
        return run;
    }

    /**
     * The rest of a Click pull whose front client has just given nothing: strides it, tries the following
     * clients in order until one gives a packet (striding each), then puts the strode clients back in order.
     * Returns the packets found, 0 or 1.
     */
    private int pullPastFront(PacketBatch into) {
        int first = head;
        int client = first;
        int found = 0;
        boolean tried = true; // the front client was tried already
        while (client != NONE && found == 0) {
            if (!tried && signals[client].isActive()) {
                found = input(client).pull(into, 1);
            }
            tried = false;
            pass[client] += stride[client];
            client = next[client];
        }
        head = client;
        for (int strode = first; strode != client; ) {
            int following = next[strode];
            insert(strode);
            strode = following;
        }
        return found;
    }

    /** Click's insert: before the first client whose pass is not less than this one's. */
    private void insert(int client) {
        int previous = NONE;
        int current = head;
        while (current != NONE && pass[client] - pass[current] > 0) {
            previous = current;
            current = next[current];
        }
        next[client] = current;
        if (previous == NONE) {
            head = client;
        } else {
            next[previous] = client;
        }
    }

    private void remove(int client) {
        if (head == client) {
            head = next[client];
            return;
        }
        for (int current = head; current != NONE; current = next[current]) {
            if (next[current] == client) {
                next[current] = next[client];
                return;
            }
        }
    }

    // ---------------------------------------------------------------- handlers

    /** Input {@code port}'s tickets. */
    public int tickets(int port) {
        return tickets[port];
    }

    /** Sets input {@code port}'s tickets, as Click's handler does; 0 takes the input out of the queue. */
    private void changeTickets(int port, int count) throws HandlerException {
        if (count < 0) {
            throw new HandlerException("number of tickets must be >= 0");
        } else if (count > MAX_TICKETS) {
            context().warning("port " + port + "'s tickets reduced to " + MAX_TICKETS);
            count = MAX_TICKETS;
        }
        int old = tickets[port];
        setTickets(port, count);
        if (count == 0 && old != 0) {
            remove(port);
        } else if (count != 0 && old == 0) {
            pass[port] = head != NONE ? pass[head] + stride[port] : 0;
            insert(port);
        }
    }

    @Override
    public void addHandlers(HandlerRegistry handlers) {
        for (int i = 0; i < tickets.length; i++) {
            int port = i;
            handlers.addReadWrite("tickets" + port, () -> Integer.toString(tickets[port]), value ->
                    changeTickets(port, HandlerValues.parseInt(value, "tickets value must be integer")));
        }
        handlers.addRead("config", () -> {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < tickets.length; i++) {
                text.append(i == 0 ? "" : ", ").append(tickets[i]);
            }
            return text.toString();
        });
    }
}
