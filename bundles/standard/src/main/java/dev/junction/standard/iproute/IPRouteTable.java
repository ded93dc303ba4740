package dev.junction.standard.iproute;

import dev.junction.element.Args;
import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.element.ElementState;
import dev.junction.element.HandlerException;
import dev.junction.element.HandlerRegistry;
import dev.junction.net.IPv4;
import dev.junction.packet.Packet;
import dev.junction.packet.PacketBatch;
import dev.junction.standard.OutputBatches;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What Click's IP route table elements share ({@code IPRouteTable}): the routes as configured and changed
 * through handlers, their syntax, the {@code table}, {@code lookup}, {@code add}, {@code set}, {@code remove}
 * and {@code ctrl} handlers with Click's wording, the push path that sends each packet to its route's output
 * (setting the destination annotation to the gateway, if any), and the hot-swap hand-over of routes changed
 * at run time.
 *
 * <p>This class keeps the authoritative list of routes, in slots (a removed route frees its slot, which the
 * next added route takes), and decides every add, replace and remove. A subclass only mirrors each change
 * into its own lookup structure ({@link #installRoute}, {@link #uninstallRoute}) and answers lookups:
 * {@link #lookup(int)} for one address and {@link #lookupBatch} for a batch, whose loop lives in the subclass
 * so that the per-packet call is monomorphic.
 *
 * <p>A lookup result is a {@code long}: the output port in the high 32 bits (negative: no route) and the
 * gateway in the low 32 bits ({@link #result}).
 */
public abstract class IPRouteTable extends Element {
    /** The lookup result meaning "no route". */
    protected static final long NO_ROUTE = -1L << 32;
    private static final int COMPLAINTS = 5;

    private final List<IPRoute> slots = new ArrayList<>();
    private final Map<Long, Integer> slotOfPrefix = new HashMap<>();
    private List<IPRoute> configured = List.of();
    private OutputBatches outputBatches;
    private long[] results;
    private long noRoutes;
    private boolean initialized;

    /** Packs a lookup result: output {@code port} and {@code gateway} (0 for none). */
    protected static long result(int port, int gateway) {
        return (long) port << 32 | (gateway & 0xFFFF_FFFFL);
    }

    // ---------------------------------------------------------------- what a subclass provides

    /** Looks up one destination; returns {@link #result} or {@link #NO_ROUTE}. */
    protected abstract long lookup(int destination);

    /**
     * Fills {@code into[i]} with the result of looking up the destination annotation of {@code packets[i]},
     * for i below {@code count}: {@code for (...) into[i] = lookup(packets[i].dstIp());}, written in the
     * subclass so that the call is monomorphic.
     */
    protected abstract void lookupBatch(Packet[] packets, int count, long[] into);

    /** Mirrors a route put in {@code slot}: a new route, or new next hop for the slot's prefix. */
    protected abstract void installRoute(int slot, IPRoute route);

    /** Mirrors the removal of {@code route} from {@code slot} (already free when this is called). */
    protected abstract void uninstallRoute(int slot, IPRoute route);

    /** Mirrors the removal of every route. */
    protected abstract void uninstallAll();

    /**
     * Why this table cannot hold {@code route} (a mask it cannot represent), or null if it can. The default
     * accepts every route.
     */
    protected String refusal(IPRoute route) {
        return null;
    }

    /** Whether routes can be added and removed once the router runs (StaticIPLookup says no). */
    protected boolean dynamic() {
        return true;
    }

    /** The prefix of Click's "no route for ADDR" complaint (logged for the first five misses), or null for none. */
    protected String noRouteComplaint() {
        return "IPRouteTable";
    }

    // ---------------------------------------------------------------- declared in code

    @Override
    public String portCount() {
        return "1/-";
    }

    @Override
    public String processing() {
        return "h/h";
    }

    // ---------------------------------------------------------------- configuration

    @Override
    public void configure(Args args) throws ConfigurationException {
        List<String> arguments = args.remainingPositional();
        int replaced = 0;
        for (int i = 0; i < arguments.size(); i++) {
            IPRoute route = IPRoute.parse(arguments.get(i), false);
            String refusal = route == null ? null : refusal(route);
            if (route == null) {
                args.error("argument " + (i + 1) + " should be 'ADDR/MASK [GATEWAY] OUTPUT'");
            } else if (route.port() < 0 || route.port() >= outputCount()) {
                args.error("argument " + (i + 1) + " bad OUTPUT");
            } else if (refusal != null) {
                args.error("argument " + (i + 1) + ": " + refusal);
            } else if (slotOf(route) >= 0) {
                replaced++; // Click keeps the first route for a prefix and says so
            } else {
                put(-1, route);
            }
        }
        args.complete();
        if (replaced > 0) {
            context().warning(replaced + " " + (replaced > 1 ? "routes" : "route") + " replaced by later versions");
        }
        configured = routes();
    }

    @Override
    public void initialize() throws ConfigurationException {
        outputBatches = new OutputBatches(this);
        results = new long[PacketBatch.DEFAULT_CAPACITY];
        initialized = true;
    }

    // ---------------------------------------------------------------- packets

    @Override
    public final void push(int port, PacketBatch batch) {
        Packet[] packets = batch.array();
        int size = batch.size();
        if (results.length < size) {
            results = new long[batch.capacity()]; // once per larger batch capacity, not per packet
        }
        long[] found = results;
        lookupBatch(packets, size, found);
        if (size > 0 && sameOutput(packets, found, size)) {
            output((int) (found[0] >> 32)).push(batch); // the common case: the whole batch goes one way
            return;
        }
        OutputBatches batches = outputBatches;
        for (int i = 0; i < size; i++) {
            Packet packet = packets[i];
            long result = found[i];
            int out = (int) (result >> 32);
            if (out < 0) {
                noRoute(packet);
                continue;
            }
            int gateway = (int) result;
            if (gateway != 0) {
                packet.setDstIp(gateway);
            }
            batches.add(out, packet);
        }
        batch.clear();
        batches.flush();
    }

    /**
     * Whether every packet has a route and all routes share one output; if so, the gateways are already
     * written into the packets' annotations.
     */
    private static boolean sameOutput(Packet[] packets, long[] found, int size) {
        int out = (int) (found[0] >> 32);
        if (out < 0) {
            return false;
        }
        for (int i = 1; i < size; i++) {
            if ((int) (found[i] >> 32) != out) {
                return false;
            }
        }
        for (int i = 0; i < size; i++) {
            int gateway = (int) found[i];
            if (gateway != 0) {
                packets[i].setDstIp(gateway);
            }
        }
        return true;
    }

    private void noRoute(Packet packet) {
        String complaint = noRouteComplaint();
        if (complaint != null && ++noRoutes <= COMPLAINTS) {
            context().warning(complaint + ": no route for " + IPv4.format(packet.dstIp()));
        }
        packet.kill();
    }

    // ---------------------------------------------------------------- the routes

    /** The number of slots (some may be free). */
    protected final int slotCount() {
        return slots.size();
    }

    /** The route in {@code slot}, or null if the slot is free. */
    protected final IPRoute route(int slot) {
        return slots.get(slot);
    }

    /** The routes, in slot order. */
    public final List<IPRoute> routes() {
        List<IPRoute> routes = new ArrayList<>();
        for (IPRoute route : slots) {
            if (route != null) {
                routes.add(route);
            }
        }
        return routes;
    }

    private int slotOf(IPRoute route) {
        Integer slot = slotOfPrefix.get(key(route));
        return slot == null ? -1 : slot;
    }

    private static long key(IPRoute route) {
        return (long) route.address() << 32 | (route.mask() & 0xFFFF_FFFFL);
    }

    /** Puts {@code route} in {@code slot}, or in the first free slot if {@code slot} is negative. */
    private void put(int slot, IPRoute route) {
        if (slot < 0) {
            slot = slots.indexOf(null);
            if (slot < 0) {
                slot = slots.size();
                slots.add(route);
            } else {
                slots.set(slot, route);
            }
            slotOfPrefix.put(key(route), slot);
        } else {
            slots.set(slot, route);
        }
        installRoute(slot, route);
    }

    /**
     * Adds {@code route}, or with {@code replace} sets it whatever was there; returns the route it replaced,
     * or null. Click's errors: a conflict with an existing route when not replacing.
     */
    public final IPRoute add(IPRoute route, boolean replace) throws HandlerException {
        if (initialized && !dynamic()) {
            throw new HandlerException("can't add routes dynamically");
        }
        String refusal = refusal(route);
        if (refusal != null) {
            throw new HandlerException(refusal);
        }
        int slot = slotOf(route);
        IPRoute old = slot < 0 ? null : slots.get(slot);
        if (old != null && !replace) {
            throw new HandlerException("conflict with existing route '" + old.unparse(false) + "'");
        }
        put(slot, old == null ? route : old.withNextHop(route));
        return old;
    }

    /** Removes the route {@code request} selects ({@link IPRoute#selects}); returns it. */
    public final IPRoute remove(IPRoute request) throws HandlerException {
        if (initialized && !dynamic()) {
            throw new HandlerException("can't remove routes dynamically");
        }
        int slot = slotOf(request);
        IPRoute old = slot < 0 ? null : slots.get(slot);
        if (old == null || !request.selects(old)) {
            throw new HandlerException("route '" + request.unparse(false) + "' not found");
        }
        slots.set(slot, null);
        slotOfPrefix.remove(key(old));
        uninstallRoute(slot, old);
        return old;
    }

    /** Removes every route at once. */
    protected final void clearRoutes() {
        slots.clear();
        slotOfPrefix.clear();
        uninstallAll();
    }

    /** Click's table dump: one route a line, tab-separated, in {@link #tableOrder} order. */
    public final String table() {
        StringBuilder text = new StringBuilder();
        for (IPRoute route : tableOrder(routes())) {
            text.append(route.unparse(true)).append('\n');
        }
        return text.toString();
    }

    /**
     * The order in which the {@code table} handler lists {@code routes} (given in slot order, the order in
     * which Click's vector-based tables list them). The default keeps it.
     */
    protected List<IPRoute> tableOrder(List<IPRoute> routes) {
        return routes;
    }

    /** The answer of Click's {@code lookup} handler for {@code destination}: the port, and the gateway if any. */
    public final String lookupText(int destination) {
        long result = lookup(destination);
        int port = (int) (result >> 32);
        int gateway = (int) result;
        return gateway != 0 ? port + " " + IPv4.format(gateway) : Integer.toString(port);
    }

    // ---------------------------------------------------------------- handlers

    private enum Command { ADD, SET, REMOVE }

    @Override
    public void addHandlers(HandlerRegistry handlers) {
        handlers.addRead("table", this::table);
        handlers.addReadWithParameter("lookup", address -> {
            try {
                return lookupText(IPv4.parse(address.strip()));
            } catch (IllegalArgumentException e) {
                throw new HandlerException("expected IP address");
            }
        });
        if (dynamic()) {
            handlers.addWrite("add", value -> run(Command.ADD, value, null));
            handlers.addWrite("set", value -> run(Command.SET, value, null));
            handlers.addWrite("remove", value -> run(Command.REMOVE, value, null));
            handlers.addWrite("ctrl", this::control);
        }
    }

    /** One of Click's route commands; {@code undo}, if not null, records how to take it back. */
    private void run(Command command, String text, List<Runnable> undo) throws HandlerException {
        IPRoute route = IPRoute.parse(text, command == Command.REMOVE);
        if (route == null) {
            throw new HandlerException(command == Command.REMOVE
                    ? "expected 'ADDR/MASK [GATEWAY OUTPUT]'" : "expected 'ADDR/MASK [GATEWAY] OUTPUT'");
        }
        if (route.port() < (command == Command.REMOVE ? -1 : 0) || route.port() >= outputCount()) {
            throw new HandlerException("bad OUTPUT");
        }
        IPRoute old = command == Command.REMOVE ? remove(route) : add(route, command == Command.SET);
        if (undo != null) {
            undo.add(() -> restore(route, old));
        }
    }

    /** Undoes one command that put {@code route} in place of {@code old} (either may be null). */
    private void restore(IPRoute route, IPRoute old) {
        try {
            if (old == null) {
                remove(route);
            } else {
                add(old, true);
            }
        } catch (HandlerException e) {
            throw new IllegalStateException("route table rollback failed: " + e.getMessage(), e);
        }
    }

    /** Click's {@code ctrl}: one command a line, all applied or, at the first error, none. */
    private void control(String text) throws HandlerException {
        List<Runnable> undo = new ArrayList<>();
        try {
            for (String line : text.split("\n")) {
                List<String> words = Args.words(line);
                if (words.isEmpty()) {
                    continue;
                }
                String rest = line.strip().substring(words.get(0).length());
                switch (words.get(0)) {
                    case "add" -> run(Command.ADD, rest, undo);
                    case "set" -> run(Command.SET, rest, undo);
                    case "remove" -> run(Command.REMOVE, rest, undo);
                    default -> throw new HandlerException("bad command '" + words.get(0) + "'");
                }
            }
        } catch (HandlerException e) {
            for (int i = undo.size() - 1; i >= 0; i--) {
                undo.get(i).run();
            }
            throw e;
        }
    }

    // ---------------------------------------------------------------- hot swap

    @Override
    public void saveState(ElementState state) {
        state.put("configured", unparse(configured));
        state.put("routes", unparse(routes()));
    }

    /**
     * Carries over what the old table's handlers changed: routes added or set at run time are set here too,
     * and configured routes removed at run time are removed here, if this table has such a route. Routes for
     * outputs this element does not have are left out.
     */
    @Override
    public void takeState(ElementState state) {
        List<?> oldConfigured = state.get("configured", List.class);
        List<?> oldRoutes = state.get("routes", List.class);
        if (oldConfigured == null || oldRoutes == null) {
            return;
        }
        List<IPRoute> before = parse(oldConfigured);
        List<IPRoute> after = parse(oldRoutes);
        boolean wasDynamic = initialized;
        initialized = false; // StaticIPLookup takes its predecessor's table, as if configured
        try {
            for (IPRoute route : before) {
                if (after.stream().noneMatch(route::samePrefix) && slotOf(route) >= 0) {
                    remove(new IPRoute(route.address(), route.mask(), 0, -1));
                }
            }
            for (IPRoute route : after) {
                if (!before.contains(route) && route.port() < outputCount() && refusal(route) == null) {
                    add(route, true);
                }
            }
        } catch (HandlerException e) {
            throw new IllegalStateException("route table hand-over failed: " + e.getMessage(), e);
        } finally {
            initialized = wasDynamic;
        }
    }

    private static List<String> unparse(List<IPRoute> routes) {
        List<String> text = new ArrayList<>(routes.size());
        for (IPRoute route : routes) {
            text.add(route.unparse(false));
        }
        return text;
    }

    private static List<IPRoute> parse(List<?> text) {
        List<IPRoute> routes = new ArrayList<>(text.size());
        for (Object line : text) {
            IPRoute route = IPRoute.parse(String.valueOf(line), false);
            if (route != null) {
                routes.add(route);
            }
        }
        return routes;
    }
}
