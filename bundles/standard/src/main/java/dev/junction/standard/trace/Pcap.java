package dev.junction.standard.trace;

import dev.junction.packet.Packet;

/**
 * The libpcap file format ("tcpdump -w") as FromDump and ToDump use it: magic numbers, link types and Click's
 * names for them, and finding the IP header behind a link header (Click's FORCE_IP).
 */
public final class Pcap {
    public static final int MAGIC = 0xA1B2C3D4;
    public static final int MAGIC_NANO = 0xA1B23C4D;
    /** Alexey Kuznetsov's modified format: 8 more bytes after each record header. */
    public static final int MAGIC_MODIFIED = 0xA1B2CD34;
    public static final int VERSION_MAJOR = 2;
    public static final int VERSION_MINOR = 4;
    public static final int FILE_HEADER = 24;
    public static final int RECORD_HEADER = 16;

    public static final int DLT_NULL = 0;
    public static final int DLT_EN10MB = 1;
    public static final int DLT_RAW = 101;
    public static final int DLT_HOST_RAW = 12;
    public static final int DLT_LINUX_SLL = 113;

    private static final String[] NAMES = {"NULL", "IP", "ETHER", "FDDI", "ATM", "RFC1483", "ATM_RFC1483", "802_11",
        "802.11", "802_11_RADIO", "802.11_RADIO", "SLL", "AIRONET", "HDLC", "PPP_HDLC", "PPP", "SUNATM", "PRISM"};
    private static final int[] TYPES = {0, 101, 1, 10, 100, 100, 100, 105, 105, 127, 127, 113, 120, 104, 50, 9, 123,
        119};

    private Pcap() {
    }

    /** Click's link type names (ETHER, IP, SLL, ...) or {@code #N}; -1 if unknown. */
    public static int parseLinkType(String name) {
        for (int i = 0; i < NAMES.length; i++) {
            if (NAMES[i].equals(name)) {
                return TYPES[i];
            }
        }
        if (name.length() >= 2 && name.charAt(0) == '#') {
            try {
                long type = Long.parseLong(name.substring(1));
                return type >= 0 && type < 0x7FFFFFFF ? (int) type : -1;
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }

    /** The Click name of link type {@code type}: its first name, {@code <none>} if negative, else {@code #N}. */
    public static String linkTypeName(int type) {
        for (int i = 0; i < NAMES.length; i++) {
            if (TYPES[i] == type) {
                return NAMES[i];
            }
        }
        return type < 0 ? "<none>" : "#" + type;
    }

    /** Whether {@link #forceIp} understands link type {@code type}. */
    public static boolean forceIpable(int type) {
        return type == DLT_RAW || type == DLT_HOST_RAW || type == DLT_EN10MB || type == DLT_LINUX_SLL
                || type == DLT_NULL;
    }

    /**
     * Finds the IP header of {@code p} behind link header {@code type} and marks it (with the destination IP
     * annotation for IPv4); false if there is none or it is truncated.
     */
    public static boolean forceIp(Packet p, int type) {
        int length = p.length();
        int ip = -1;
        switch (type) {
            case DLT_RAW, DLT_HOST_RAW -> ip = 0;
            case DLT_EN10MB -> {
                if (length >= 14) {
                    int etherType = p.getUnsignedShort(12);
                    if (isIpEtherType(etherType)) {
                        ip = 14;
                    } else if (etherType == 0x8100 && length >= 18 && isIpEtherType(p.getUnsignedShort(16))) {
                        ip = 18;
                    }
                }
            }
            case DLT_LINUX_SLL -> {
                if (length >= 16 && isIpEtherType(p.getUnsignedShort(14))) {
                    ip = 16;
                }
            }
            case DLT_NULL -> {
                if (length >= 4) {
                    int family = p.getUnsignedByte(0) | (p.getUnsignedByte(1) << 8);
                    if (family == 0) {
                        family = p.getUnsignedShort(2);
                    }
                    if (family == 2 || family == 24 || family == 28 || family == 30) {
                        ip = 4;
                    }
                }
            }
            default -> { }
        }
        if (ip < 0 || ip >= length) {
            return false;
        }
        int version = p.getUnsignedByte(ip) >> 4;
        if (version == 4) {
            int hl = (p.getUnsignedByte(ip) & 15) << 2;
            if (hl >= 20 && ip + hl <= length) {
                p.setNetworkHeader(ip, hl);
                p.setDstIp(p.getInt(ip + 16));
                return true;
            }
        } else if (version == 6 && ip + 40 <= length) {
            p.setNetworkHeader(ip, 40);
            return true;
        }
        return false;
    }

    private static boolean isIpEtherType(int etherType) {
        return etherType == 0x0800 || etherType == 0x86DD;
    }
}
