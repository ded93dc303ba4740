package dev.junction.standard.trace;

/** Click's names of ICMP types and codes and of IP protocols (its IP name database), for printing. */
public final class IcmpNames {
    private IcmpNames() {
    }

    /** The name of ICMP {@code type}, or null. */
    public static String type(int type) {
        return switch (type) {
            case 0 -> "echo-reply";
            case 3 -> "unreachable";
            case 4 -> "sourcequench";
            case 5 -> "redirect";
            case 8 -> "echo";
            case 9 -> "routeradvert";
            case 10 -> "routersolicit";
            case 11 -> "timeexceeded";
            case 12 -> "parameterproblem";
            case 13 -> "timestamp";
            case 14 -> "timestamp-reply";
            case 15 -> "inforeq";
            case 16 -> "inforeq-reply";
            case 17 -> "maskreq";
            case 18 -> "maskreq-reply";
            default -> null;
        };
    }

    /** The name of {@code code} for ICMP {@code type}, or null. */
    public static String code(int type, int code) {
        return switch (type) {
            case 3 -> switch (code) {
                case 0 -> "net";
                case 1 -> "host";
                case 2 -> "protocol";
                case 3 -> "port";
                case 4 -> "needfrag";
                case 5 -> "srcroutefail";
                case 6 -> "netunknown";
                case 7 -> "hostunknown";
                case 8 -> "isolated";
                case 9 -> "netprohibited";
                case 10 -> "hostprohibited";
                case 11 -> "tosnet";
                case 12 -> "toshost";
                case 13 -> "filterprohibited";
                case 14 -> "hostprecedence";
                case 15 -> "precedencecutoff";
                default -> null;
            };
            case 5 -> switch (code) {
                case 0 -> "net";
                case 1 -> "host";
                case 2 -> "tosnet";
                case 3 -> "toshost";
                default -> null;
            };
            case 11 -> switch (code) {
                case 0 -> "transit";
                case 1 -> "reassembly";
                default -> null;
            };
            case 12 -> switch (code) {
                case 0 -> "erroratptr";
                case 1 -> "missingopt";
                case 2 -> "length";
                default -> null;
            };
            default -> null;
        };
    }

    /** The ICMP type named {@code name}, or -1. */
    public static int typeNamed(String name) {
        for (int type = 0; type < 256; type++) {
            if (name.equals(type(type))) {
                return type;
            }
        }
        return -1;
    }

    /** The code of ICMP {@code type} named {@code name}, or -1. */
    public static int codeNamed(int type, String name) {
        for (int code = 0; code < 256; code++) {
            if (name.equals(code(type, code))) {
                return code;
            }
        }
        return -1;
    }

    /** Click's name of IP protocol {@code proto}, else its number ("protocol N" if {@code prepend}). */
    public static String protocol(int proto, boolean prepend) {
        return switch (proto) {
            case 1 -> "icmp";
            case 2 -> "igmp";
            case 4 -> "ipip";
            case 6 -> "tcp";
            case 17 -> "udp";
            case 33 -> "dccp";
            case 47 -> "gre";
            case 132 -> "sctp";
            default -> prepend ? "protocol " + proto : Integer.toString(proto);
        };
    }
}
