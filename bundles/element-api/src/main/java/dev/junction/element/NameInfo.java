package dev.junction.element;

import java.util.Map;

/**
 * The kinds of names of Click's {@code NameInfo} database and the names Click knows without being told
 * (its {@code ipnameinfo.cc}). Elements such as AddressInfo and PortInfo define names through
 * {@link ElementContext#defineName}; the argument types of {@link ArgTypes} look them up through
 * {@link ElementResolver#lookupName} when a value is not a literal. Values are kept as text in the literal
 * syntax of their type.
 */
public final class NameInfo {
    /** An IPv4 address, value like {@code 10.0.0.1}. */
    public static final String IP_ADDRESS = "IPAddress";
    /** An IPv4 prefix, value like {@code 10.0.0.1/8} (the address may have host bits). */
    public static final String IP_PREFIX = "IPPrefix";
    /** An Ethernet address, value like {@code 00:01:02:03:04:05}. */
    public static final String ETHER_ADDRESS = "EtherAddress";
    /** An IPv6 address. */
    public static final String IP6_ADDRESS = "IP6Address";
    /** An IPv6 prefix, value like {@code 2001:db8::1/64}. */
    public static final String IP6_PREFIX = "IP6Prefix";
    /** ScheduleInfo's task share of an element (or compound), value a real number (1 is the default share). */
    public static final String SCHEDULE_INFO = "ScheduleInfo";

    /** Click's well-known port names (ipnameinfo.cc), for TCP, UDP and every other port protocol. */
    private static final Map<String, Integer> KNOWN_PORTS = Map.ofEntries(
            Map.entry("auth", 113), Map.entry("bootpc", 68), Map.entry("bootps", 67), Map.entry("chargen", 19),
            Map.entry("daytime", 13), Map.entry("discard", 9), Map.entry("dns", 53), Map.entry("domain", 53),
            Map.entry("echo", 7), Map.entry("finger", 79), Map.entry("ftp", 21), Map.entry("ftp-data", 20),
            Map.entry("http", 80), Map.entry("https", 443), Map.entry("imap3", 220), Map.entry("imaps", 993),
            Map.entry("irc", 194), Map.entry("netbios-dgm", 138), Map.entry("netbios-ns", 137),
            Map.entry("netbios-ssn", 139), Map.entry("nntp", 119), Map.entry("ntp", 123), Map.entry("pop3", 110),
            Map.entry("pop3s", 995), Map.entry("pptp", 1723), Map.entry("rip", 520), Map.entry("route", 520),
            Map.entry("smtp", 25), Map.entry("snmp", 161), Map.entry("snmp-trap", 162), Map.entry("ssh", 22),
            Map.entry("sunrpc", 111), Map.entry("telnet", 23), Map.entry("tftp", 69), Map.entry("www", 80));

    /** Click's IP protocol names. */
    private static final Map<String, Integer> IP_PROTOCOLS = Map.ofEntries(
            Map.entry("dccp", 33), Map.entry("gre", 47), Map.entry("icmp", 1), Map.entry("igmp", 2),
            Map.entry("ipip", 4), Map.entry("sctp", 132), Map.entry("tcp", 6), Map.entry("udp", 17));

    private NameInfo() {
    }

    /** The kind of a port name for IP protocol {@code protocol} (6 TCP, 17 UDP, ...), value a decimal port. */
    public static String port(int protocol) {
        return "port/" + protocol;
    }

    /** Click's built-in port number of service {@code name} (the same for every protocol), or -1. */
    public static int knownPort(String name) {
        Integer port = KNOWN_PORTS.get(name);
        return port == null ? -1 : port;
    }

    /** Click's built-in number of IP protocol {@code name} ({@code tcp} 6, {@code udp} 17, ...), or -1. */
    public static int knownProtocol(String name) {
        Integer protocol = IP_PROTOCOLS.get(name);
        return protocol == null ? -1 : protocol;
    }
}
