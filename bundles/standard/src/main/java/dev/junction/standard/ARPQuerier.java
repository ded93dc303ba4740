package dev.junction.standard;

import dev.junction.element.ArgTypes;
import dev.junction.element.Args;
import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.element.ElementState;
import dev.junction.element.HandlerException;
import dev.junction.element.HandlerRegistry;
import dev.junction.net.EtherAddress;
import dev.junction.net.IPv4;
import dev.junction.net.IPv4Prefix;
import dev.junction.packet.Packet;
import dev.junction.packet.PacketBatch;
import dev.junction.sched.Timer;
import java.util.ArrayDeque;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** ARPQuerier: puts Ethernet headers on IP packets, finding next hops' addresses with ARP. */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("ARPQuerier")
@ElementDoc(
        synopsis = "ARPQuerier(IP, ETH, keywords CAPACITY, ENTRY_CAPACITY, ENTRY_PACKET_CAPACITY, "
                + "CAPACITY_SLIM_FACTOR, TIMEOUT, POLL_TIMEOUT, BROADCAST, BROADCAST_POLL)",
        category = "arp",
        summary = "encapsulates IP packets in Ethernet headers found via ARP",
        description = """
                IP packets arrive on input 0 with their destination address annotation set (the next hop). \
                If the table knows the Ethernet address of that destination, the packet gets an Ethernet \
                header (from ETH to it, type IP) and leaves on output 0. Otherwise it waits in the table and \
                an ARP request for the address is broadcast, at most ten a second per address (one every two \
                seconds after ten unanswered). ARP replies arrive on input 1 (with Ethernet header): each \
                records the sender's addresses and sends the packets that waited for them, in order.

                Destination 255.255.255.255 and the BROADCAST address go to FF-FF-FF-FF-FF-FF, multicast \
                destinations to 01-00-5E and the low 23 bits of the address (RFC 1112); packets to 0.0.0.0 \
                are dropped (with one warning). A known entry older than POLL_TIMEOUT is refreshed by a \
                request sent to the known address (broadcast with BROADCAST_POLL) while it is still used. \
                Entries expire after TIMEOUT; a timer removes them.

                With two outputs, ARP requests leave on output 1; with one, on output 0 with the packets. \
                Generated requests carry the timestamp and VLAN annotations of the packet that caused them. \
                Push only.

                The one-argument form ARPQuerier(NAME) reads NAME as both IP and ETH, which works once \
                AddressInfo names are resolved. Click's TABLE keyword (a shared ARPTable element) is not \
                supported: each ARPQuerier has its own table.""",
        arguments = {
            @ElementDoc.Argument(name = "IP", description = """
                    IP address or prefix. This interface's address; a prefix gives the broadcast address."""),
            @ElementDoc.Argument(name = "ETH", description = "Ethernet address. This interface's address."),
            @ElementDoc.Argument(name = "CAPACITY", description = "Unsigned. Most packets waiting in all. Default 2048; 0 unlimited."),
            @ElementDoc.Argument(name = "ENTRY_CAPACITY", description = "Unsigned. Most entries. Default 0, unlimited."),
            @ElementDoc.Argument(name = "ENTRY_PACKET_CAPACITY", description = """
                    Unsigned. Most packets waiting for one address. Default 0, unlimited."""),
            @ElementDoc.Argument(name = "CAPACITY_SLIM_FACTOR", description = """
                    Unsigned, not 0. When CAPACITY is exceeded, 1/factor of it is freed. Default 2."""),
            @ElementDoc.Argument(name = "TIMEOUT", description = "Time. Entries expire after it. Default 5 minutes; 0 never."),
            @ElementDoc.Argument(name = "POLL_TIMEOUT", description = "Time. Refresh entries older than it. Default 1 minute; 0 never."),
            @ElementDoc.Argument(name = "BROADCAST", description = "IP address. The local broadcast address. Default from IP's prefix."),
            @ElementDoc.Argument(name = "BROADCAST_POLL", description = "Boolean. Send refresh requests broadcast. Default false.")
        },
        handlers = {
            @ElementDoc.Handler(name = "table", description = """
                    The entries, oldest first: IP address, 1 if known else 0, Ethernet address, age in seconds."""),
            @ElementDoc.Handler(name = "stats", description = "Packets killed and ARP queries sent, one per line."),
            @ElementDoc.Handler(name = "count", description = "Number of entries."),
            @ElementDoc.Handler(name = "length", description = "Number of packets waiting."),
            @ElementDoc.Handler(name = "queries", description = "Number of ARP queries sent."),
            @ElementDoc.Handler(name = "responses", description = "Number of ARP responses received."),
            @ElementDoc.Handler(name = "drops", description = "Number of packets this element dropped (not the table)."),
            @ElementDoc.Handler(name = "broadcast", mode = "read/write", description = "The broadcast IP address."),
            @ElementDoc.Handler(name = "ipaddr", mode = "read/write", description = "This interface's IP address."),
            @ElementDoc.Handler(name = "insert", mode = "write-only", description = "Adds an entry: \"IP ETH\"."),
            @ElementDoc.Handler(name = "delete", mode = "write-only", description = "Makes an IP address unknown."),
            @ElementDoc.Handler(name = "clear", mode = "write-only", description = "Empties the table and zeroes the counts.")
        },
        example = """
                c :: Classifier(12/0806 20/0002, 12/0800, -);
                a :: ARPQuerier(18.26.4.24, 00:00:C0:AE:67:EF);
                c[0] -> [1]a;  c[1] -> ... -> [0]a;  a -> ToDevice(eth0);""",
        seeAlso = {"ARPResponder", "ARPTable", "AddressInfo", "EtherEncap"})
public final class ARPQuerier extends Element {
    private static final int ETHER_HEADER = ARPResponder.ETHER_HEADER;
    private static final int ETHERTYPE_IP = ARPResponder.ETHERTYPE_IP;
    private static final int ETHERTYPE_ARP = ARPResponder.ETHERTYPE_ARP;

    private ArpTable table = new ArpTable();
    private int myIp;
    private long myEther;
    private int broadcastIp;
    private boolean broadcastPoll;
    private long pollTimeout;
    private boolean zeroWarned;
    private long queries;
    private long responses;
    private long drops;
    private Timer expiry;

    private OutputBatches gatherer;

    @Override
    public String portCount() {
        return "2/1-2";
    }

    @Override
    public String processing() {
        return "h/h";
    }

    @Override
    public String flowCode() {
        return "xy/x";
    }

    @Override
    public void configure(Args args) throws ConfigurationException {
        String ipText = args.requirePositional("IP", ArgTypes.ANY);
        String etherText = args.readPositional("ETH", ArgTypes.ANY, null);
        Long capacity = args.read("CAPACITY", ArgTypes.UNSIGNED, 2048L);
        Long entryCapacity = args.read("ENTRY_CAPACITY", ArgTypes.UNSIGNED, 0L);
        Long entryPacketCapacity = args.read("ENTRY_PACKET_CAPACITY", ArgTypes.UNSIGNED, 0L);
        Long slimFactor = args.read("CAPACITY_SLIM_FACTOR", ArgTypes.UNSIGNED, 2L);
        Long timeout = args.read("TIMEOUT", ArgTypes.TIME, 300 * ArpTable.SECOND);
        Integer broadcast = args.read("BROADCAST", ArgTypes.IPV4_ADDRESS, null);
        if (args.has("TABLE")) {
            args.read("TABLE", ArgTypes.ANY, null);
            args.error("TABLE: ARPTable elements are not supported; ARPQuerier keeps its own table");
        }
        pollTimeout = args.read("POLL_TIMEOUT", ArgTypes.TIME, 60 * ArpTable.SECOND);
        broadcastPoll = args.read("BROADCAST_POLL", ArgTypes.BOOLEAN, false);
        IPv4Prefix ip = null;
        Long ether = null;
        if (ipText != null) {
            ip = parse(args, "IP", () -> ArgTypes.IPV4_ADDRESS_OR_PREFIX.parse(ipText, args));
            String text = etherText != null ? etherText : ipText;
            ether = parse(args, "ETH", () -> ArgTypes.ETHER_ADDRESS.parse(text, args));
        }
        if (slimFactor == 0) {
            args.error("CAPACITY_SLIM_FACTOR cannot be zero");
        }
        args.complete();
        myIp = ip.address();
        myEther = ether;
        if (broadcast != null) {
            broadcastIp = broadcast;
        } else {
            broadcastIp = myIp | ~ip.mask();
            if (broadcastIp == myIp) {
                broadcastIp = 0xffffffff;
            }
        }
        table.packetCapacity = capacity;
        table.entryCapacity = entryCapacity;
        table.entryPacketCapacity = entryPacketCapacity;
        table.slimFactor = slimFactor;
        table.timeout = timeout;
    }

    private interface Parse<T> {
        T get();
    }

    private static <T> T parse(Args args, String keyword, Parse<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            args.error(keyword + ": " + (e.getMessage() == null ? "parse error" : e.getMessage()));
            return null;
        }
    }

    @Override
    public void initialize() {
        gatherer = new OutputBatches(this);
        if (table.timeout != 0) {
            expiry = context().createTimer(timer -> {
                table.slim(now());
                timer.scheduleAfter(table.timeout + ArpTable.SECOND);
            });
            expiry.scheduleAfter(table.timeout);
        }
    }

    private long now() {
        return context().clock().nanoTime();
    }

    @Override
    public void push(int port, PacketBatch batch) {
        int size = batch.size();
        if (port == 0) {
            for (int i = 0; i < size; i++) {
                handleIp(batch.get(i), false);
            }
        } else {
            for (int i = 0; i < size; i++) {
                Packet packet = batch.get(i);
                handleResponse(packet);
                packet.kill();
            }
        }
        batch.clear();
        flush();
    }

    private void flush() {
        gatherer.flush();
    }

    private void emit(Packet packet) {
        gatherer.add(0, packet);
    }

    private void emitQuery(Packet query) {
        gatherer.add(outputCount() - 1, query);
    }

    private void handleIp(Packet packet, boolean waited) {
        if (myIp == 0) {
            drops++;
            packet.kill();
            return;
        }
        if (!waited) {
            if (packet.headroom() < ETHER_HEADER) {
                drops++;
                packet.kill();
                return;
            }
            packet.push(ETHER_HEADER);
            packet.setMacHeader(0);
            packet.setShort(12, ETHERTYPE_IP);
        }
        int destination = packet.dstIp();
        long now = now();
        while (true) {
            int found = table.lookup(destination, now, pollTimeout);
            if (found >= 0) {
                packet.setUnsigned48(0, table.foundEther);
                if (found > 0) {
                    sendQuery(packet, true);
                }
            } else if (destination == 0xffffffff || destination == broadcastIp) {
                packet.setUnsigned48(0, EtherAddress.BROADCAST);
            } else if (IPHeaders.isMulticast(destination)) {
                packet.setUnsigned48(0, 0x01005E000000L | (destination & 0x7fffff));
            } else if (destination == 0) {
                if (!zeroWarned) {
                    IPHeaders.chatter(name() + " :: " + className()
                            + ": would query for 0.0.0.0; missing dest IP addr annotation?");
                    zeroWarned = true;
                }
                drops++;
                packet.kill();
                return;
            } else {
                int result = table.appendQuery(destination, packet, now);
                if (result == ArpTable.AGAIN) {
                    continue;
                }
                if (result == ArpTable.FULL) {
                    packet.kill();
                } else if (result > 0) {
                    sendQuery(packet, false); // the packet now waits in the table; only its annotations are read
                }
                return;
            }
            break;
        }
        // The source is set at the last moment, so that a packet that waited gets the current address.
        packet.setUnsigned48(6, myEther);
        emit(packet);
    }

    private void handleResponse(Packet packet) {
        if (packet.length() < ETHER_HEADER + ARPResponder.ARP_LENGTH) {
            return;
        }
        responses++;
        long sender = packet.getUnsigned48(22);
        if (packet.getUnsignedShort(12) == ETHERTYPE_ARP && packet.getUnsignedShort(14) == 1
                && packet.getUnsignedShort(16) == ETHERTYPE_IP && packet.getUnsignedShort(20) == ARPResponder.REPLY
                && !EtherAddress.isGroup(sender)) {
            ArrayDeque<Packet> waiting = table.insert(packet.getInt(28), sender, now());
            if (waiting != null) {
                for (Packet held; (held = waiting.pollFirst()) != null; ) {
                    handleIp(held, true);
                }
            }
        }
    }

    /** Sends an ARP request for {@code packet}'s destination annotation; to its Ethernet destination if valid. */
    private void sendQuery(Packet packet, boolean etherDestinationValid) {
        Packet query = context().packetPool().allocate();
        if (query == null) {
            IPHeaders.chatter("in arp querier: cannot make packet!");
            return;
        }
        query.put(ETHER_HEADER + ARPResponder.ARP_LENGTH);
        query.setMacHeader(0);
        query.setUnsigned48(0, etherDestinationValid && !broadcastPoll ? packet.getUnsigned48(0) : EtherAddress.BROADCAST);
        query.setUnsigned48(6, myEther);
        query.setShort(12, ETHERTYPE_ARP);
        query.setShort(14, 1);
        query.setShort(16, ETHERTYPE_IP);
        query.setByte(18, 6);
        query.setByte(19, 4);
        query.setShort(20, ARPResponder.REQUEST);
        query.setUnsigned48(22, myEther);
        query.setInt(28, myIp);
        query.setUnsigned48(32, 0);
        query.setInt(38, packet.dstIp());
        query.setTimestampNanos(packet.timestampNanos());
        query.setVlanTci(packet.vlanTci());
        queries++;
        emitQuery(query);
    }

    /** ARP queries sent. */
    public long queries() {
        return queries;
    }

    /** ARP responses received. */
    public long responses() {
        return responses;
    }

    /** Packets this element dropped. */
    public long drops() {
        return drops;
    }

    @Override
    public void addHandlers(HandlerRegistry handlers) {
        handlers.addRead("table", () -> table.format(now()));
        handlers.addRead("stats", () -> (drops + table.drops()) + " packets killed\n" + queries + " ARP queries sent\n");
        handlers.addRead("count", () -> Integer.toString(table.entryCount()));
        handlers.addRead("length", () -> Integer.toString(table.packetCount()));
        handlers.addRead("queries", () -> Long.toString(queries));
        handlers.addRead("responses", () -> Long.toString(responses));
        handlers.addRead("drops", () -> Long.toString(drops));
        handlers.addReadWrite("broadcast", () -> IPv4.format(broadcastIp),
                value -> broadcastIp = HandlerValues.parse(ArgTypes.IPV4_ADDRESS, value, "expected IP address"));
        handlers.addReadWrite("ipaddr", () -> IPv4.format(myIp),
                value -> myIp = HandlerValues.parse(ArgTypes.IPV4_ADDRESS, value, "expected IP address"));
        handlers.addWrite("insert", value -> {
            Args args = wordArgs(value);
            Integer ip = args.requirePositional("IP", ArgTypes.IPV4_ADDRESS);
            Long ether = args.requirePositional("ETH", ArgTypes.ETHER_ADDRESS);
            complete(args);
            insert(ip, ether);
        });
        handlers.addWrite("delete", value -> {
            Args args = wordArgs(value);
            Integer ip = args.requirePositional("IP", ArgTypes.IPV4_ADDRESS);
            complete(args);
            insert(ip, EtherAddress.BROADCAST);
        });
        handlers.addWrite("clear", value -> {
            queries = 0;
            drops = 0;
            responses = 0;
            table.clear();
        });
    }

    /** Inserts an entry by hand; packets waiting for it are sent. */
    private void insert(int ip, long ether) {
        ArrayDeque<Packet> waiting = table.insert(ip, ether, now());
        if (waiting != null) {
            for (Packet held; (held = waiting.pollFirst()) != null; ) {
                handleIp(held, true);
            }
            flush();
        }
    }

    private static Args wordArgs(String value) {
        List<String> words = Args.words(value);
        return Args.parse(String.join(", ", words));
    }

    private static void complete(Args args) throws HandlerException {
        try {
            args.complete();
        } catch (ConfigurationException e) {
            throw new HandlerException(String.join("\n", e.errors()));
        }
    }

    @Override
    public void saveState(ElementState state) {
        // As JDK and element-api values: the successor may be of another revision of this bundle.
        state.put("arp.table", table.export());
        state.putLong("arp.ip", myIp);
        state.putLong("arp.ether", myEther);
        state.putLong("arp.broadcast", broadcastIp);
        state.putLong("arp.queries", queries);
        state.putLong("arp.responses", responses);
        state.putLong("arp.drops", drops);
    }

    @Override
    public void takeState(ElementState state) {
        List<?> entries = state.get("arp.table", List.class);
        if (entries == null) {
            return;
        }
        if (state.getLong("arp.ip", 0) != myIp || state.getLong("arp.ether", 0) != myEther
                || state.getLong("arp.broadcast", 0) != broadcastIp) {
            ArpTable.dropExported(entries); // another interface: Click starts afresh; the packets go back to the pool
            return;
        }
        table.restore(entries);
        queries = state.getLong("arp.queries", 0);
        responses = state.getLong("arp.responses", 0);
        drops = state.getLong("arp.drops", 0);
    }

    @Override
    public void cleanup() {
        if (expiry != null) {
            expiry.unschedule();
        }
        table.clear();
    }
}
