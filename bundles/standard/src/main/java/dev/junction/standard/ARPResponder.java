package dev.junction.standard;

import dev.junction.element.ArgTypes;
import dev.junction.element.Args;
import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.element.HandlerException;
import dev.junction.element.HandlerRegistry;
import dev.junction.element.SimpleAction;
import dev.junction.net.EtherAddress;
import dev.junction.net.IPv4;
import dev.junction.net.IPv4Prefix;
import dev.junction.packet.Packet;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** ARPResponder: answers ARP queries for the addresses and prefixes it is configured with. */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("ARPResponder")
@ElementDoc(
        synopsis = "ARPResponder(IP/MASK1 [IP/MASK...] ETH1, IP/MASK2 ETH2, ...)",
        category = "arp",
        summary = "generates responses to ARP queries",
        description = """
                Each argument lists IP addresses or prefixes and one Ethernet address. An Ethernet ARP \
                request for IPv4 whose target address falls in one of them is answered with an ARP reply \
                (with Ethernet header) from that Ethernet address to the asker: on output 0, in place of \
                the request, with the request's input port and VLAN annotations. A prefix answers for every \
                address in it, which gives proxy ARP. The most specific entry wins; for the same prefix \
                given twice, the later one (with a warning).

                Anything else (short packets, replies, requests for other addresses) goes to output 1 if \
                there is one, dropped otherwise. One input, one or two outputs; output 0 agnostic, output 1 \
                push.

                Click's lookup handler, a read handler with a parameter, is missing: Junction's handlers \
                take no parameters when read.""",
        arguments = @ElementDoc.Argument(name = "IP/MASK ETH", description = """
                One or more space-separated IP addresses or prefixes and an Ethernet address, per argument."""),
        handlers = {
            @ElementDoc.Handler(name = "table", description = "The entries, one per line: prefix, space, Ethernet address."),
            @ElementDoc.Handler(name = "lookup", mode = "read with parameters", description = """
                    Takes an IP address and returns the Ethernet address answered for it, or nothing."""),
            @ElementDoc.Handler(name = "add", mode = "write-only", description = """
                    Adds entries, written as one configuration argument (IP/MASK... ETH)."""),
            @ElementDoc.Handler(name = "remove", mode = "write-only", description = "Removes the entry for an IP/MASK.")
        },
        example = "c[0] -> ARPResponder(18.26.4.24 00:00:C0:AE:67:EF, 18.26.7.0/24 00:00:C0:AE:67:EF) -> ToDevice(eth0);",
        seeAlso = {"ARPQuerier", "ARPTable", "AddressInfo"})
public final class ARPResponder extends SimpleAction {
    static final int ETHER_HEADER = 14;
    static final int ARP_LENGTH = 28;
    static final int ETHERTYPE_ARP = 0x0806;
    static final int ETHERTYPE_IP = 0x0800;
    static final int REQUEST = 1;
    static final int REPLY = 2;

    /** One entry: a prefix (address already masked) and the Ethernet address to answer with. */
    private record Entry(int destination, int mask, long ether) {
        boolean sameKey(Entry other) {
            return destination == other.destination && mask == other.mask;
        }
    }

    private Entry[] entries = new Entry[0];

    @Override
    public String portCount() {
        return "1/1-2";
    }

    @Override
    public String processing() {
        return "a/ah";
    }

    @Override
    public void configure(Args args) throws ConfigurationException {
        List<String> arguments = args.remainingPositional();
        List<Entry> parsed = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            String error = add(parsed, arguments.get(i));
            if (error != null) {
                args.error("argument " + i + ": " + error);
            }
        }
        args.complete();
        entries = normalize(parsed, true);
    }

    /** Parses one argument into {@code entries}; returns Click's error message, or null. */
    private static String add(List<Entry> entries, String argument) {
        List<String> words = Args.words(argument);
        List<IPv4Prefix> prefixes = new ArrayList<>();
        Long ether = null;
        for (String word : words) {
            IPv4Prefix prefix = parseOrNull(word);
            if (prefix != null) {
                prefixes.add(prefix);
                continue;
            }
            Long address = etherOrNull(word);
            if (address == null) {
                return "expected IP/MASK ETH";
            } else if (ether != null) {
                return "more than one ETH";
            }
            ether = address;
        }
        for (int i = 0; ether == null && i < words.size(); i++) { // a word that is both kinds of address
            ether = etherOrNull(words.get(i));
        }
        if (prefixes.isEmpty()) {
            return "missing IP/MASK";
        } else if (ether == null) {
            return "missing ETH";
        }
        for (IPv4Prefix prefix : prefixes) {
            entries.add(new Entry(prefix.address() & prefix.mask(), prefix.mask(), ether));
        }
        return null;
    }

    private static IPv4Prefix parseOrNull(String word) {
        try {
            return ArgTypes.IPV4_ADDRESS_OR_PREFIX.parse(word, null);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Long etherOrNull(String word) {
        try {
            return ArgTypes.ETHER_ADDRESS.parse(word, null);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Orders entries so that a prefix comes before the prefixes containing it (the first match is then the most
     * specific), keeping the given order otherwise, and keeps only the last of entries for the same prefix.
     */
    private Entry[] normalize(List<Entry> given, boolean warn) {
        List<Entry> unique = new ArrayList<>();
        for (int i = given.size() - 1; i >= 0; i--) { // later duplicates win
            Entry entry = given.get(i);
            boolean seen = false;
            for (Entry kept : unique) {
                seen |= kept.sameKey(entry);
            }
            if (seen) {
                if (warn) {
                    context().warning("multiple entries for " + new IPv4Prefix(entry.destination(), entry.mask()));
                }
            } else {
                unique.addFirst(entry);
            }
        }
        // Stable insertion: an entry goes before the first earlier entry that contains it.
        List<Entry> ordered = new ArrayList<>();
        for (Entry entry : unique) {
            int at = ordered.size();
            for (int j = 0; j < ordered.size(); j++) {
                Entry other = ordered.get(j);
                if ((entry.destination() & other.mask()) == other.destination() && other.mask() != entry.mask()) {
                    at = j;
                    break;
                }
            }
            ordered.add(at, entry);
        }
        return ordered.toArray(new Entry[0]);
    }

    /** The Ethernet address that answers for {@code address}, or -1. */
    long lookup(int address) {
        for (Entry entry : entries) {
            if ((address & entry.mask()) == entry.destination()) {
                return entry.ether();
            }
        }
        return -1;
    }

    @Override
    protected Packet action(Packet packet) {
        Packet reply = null;
        if (packet.length() >= ETHER_HEADER + ARP_LENGTH
                && packet.getUnsignedShort(12) == ETHERTYPE_ARP
                && packet.getUnsignedShort(14) == 1
                && packet.getUnsignedShort(16) == ETHERTYPE_IP
                && packet.getUnsignedShort(20) == REQUEST) {
            int target = packet.getInt(38);
            long ether = lookup(target);
            if (ether >= 0) {
                reply = makeReply(packet.getUnsigned48(22), packet.getInt(28), ether, target, packet);
            }
        }
        if (reply == null) {
            divert(1, packet);
        } else {
            packet.kill();
        }
        return reply;
    }

    /** An ARP reply with Ethernet header from {@code senderEther}/{@code senderIp} to {@code targetEther}/{@code targetIp}. */
    private Packet makeReply(long targetEther, int targetIp, long senderEther, int senderIp, Packet request) {
        Packet reply = context().packetPool().allocate();
        if (reply == null) {
            return null;
        }
        reply.put(ETHER_HEADER + ARP_LENGTH);
        reply.setInputPort(request.inputPort());
        reply.setVlanTci(request.vlanTci());
        reply.setMacHeader(0);
        reply.setUnsigned48(0, targetEther);
        reply.setUnsigned48(6, senderEther);
        reply.setShort(12, ETHERTYPE_ARP);
        reply.setShort(14, 1);
        reply.setShort(16, ETHERTYPE_IP);
        reply.setByte(18, 6);
        reply.setByte(19, 4);
        reply.setShort(20, REPLY);
        reply.setUnsigned48(22, senderEther);
        reply.setInt(28, senderIp);
        reply.setUnsigned48(32, targetEther);
        reply.setInt(38, targetIp);
        return reply;
    }

    @Override
    public void addHandlers(HandlerRegistry handlers) {
        handlers.addRead("table", () -> {
            StringBuilder text = new StringBuilder();
            for (Entry entry : entries) {
                text.append(new IPv4Prefix(entry.destination(), entry.mask())).append(' ')
                        .append(EtherAddress.format(entry.ether())).append('\n');
            }
            return text.toString();
        });
        handlers.addReadWithParameter("lookup", address -> {
            int ip;
            try {
                ip = IPv4.parse(address.strip());
            } catch (IllegalArgumentException e) {
                throw new HandlerException("expected IP address");
            }
            long ether = lookup(ip);
            return ether < 0 ? "" : EtherAddress.format(ether);
        });
        handlers.addWrite("add", value -> {
            List<Entry> updated = new ArrayList<>(List.of(entries));
            String error = add(updated, value);
            if (error != null) {
                throw new HandlerException(error);
            }
            entries = normalize(updated, false);
        });
        handlers.addWrite("remove", value -> {
            IPv4Prefix prefix = parseOrNull(value.strip());
            if (prefix == null) {
                throw new HandlerException("expected IP/MASK");
            }
            int destination = prefix.address() & prefix.mask();
            List<Entry> updated = new ArrayList<>(List.of(entries));
            if (!updated.removeIf(e -> e.destination() == destination && e.mask() == prefix.mask())) {
                throw new HandlerException(new IPv4Prefix(destination, prefix.mask()) + " not found");
            }
            entries = updated.toArray(new Entry[0]);
        });
    }
}
