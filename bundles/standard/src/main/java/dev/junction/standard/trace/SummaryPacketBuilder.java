package dev.junction.standard.trace;

import dev.junction.packet.Checksums;
import dev.junction.packet.Packet;
import dev.junction.packet.PacketPool;

/**
 * Builds one packet from the fields of an IP summary dump line, as Click's {@code PacketOdesc}: the fields
 * create the IP header (version 4, TTL 100, the default protocol) and the transport header as they need them,
 * lengths are filled in at the end. The bytes are built in a reused array and copied into a pool packet.
 */
public final class SummaryPacketBuilder {
    private static final int MAX = 65535 + 60;

    private final byte[] buf = new byte[MAX];
    private final byte[] mac = new byte[14];
    private boolean haveMac;
    private boolean notIp;
    private boolean wantIsWire;
    private boolean haveIcmpType;
    private boolean haveIcmpCode;
    private int len;
    private boolean ip;
    private int hl;
    private long wantLen;
    private boolean haveTcpHeaderLength;
    private long seconds;
    private long subsecNanos;
    private int paint;

    /** The value of the field being read (set by {@link SummaryFields#parse}). */
    long value;
    /** The bytes of a payload field, one char per byte. */
    String payload;
    /** The dump's minor version (fragment offsets were in 8-byte units before 1.1). */
    int minorVersion = 3;
    private int defaultProto = 6;
    private boolean haveFlow;
    private int flowSrc;
    private int flowDst;
    private int flowSport;
    private int flowDport;

    /**
     * Sets the default flow of a "!flowid" line: addresses and ports of packets whose fields do not give them,
     * and the reason every packet gets an IP header.
     */
    public void setDefaultFlow(boolean have, int src, int sport, int dst, int dport) {
        haveFlow = have;
        flowSrc = src;
        flowSport = sport;
        flowDst = dst;
        flowDport = dport;
    }

    /** Starts a new packet. */
    public void reset(int defaultProtocol, int dumpMinorVersion) {
        java.util.Arrays.fill(buf, 0, len, (byte) 0);
        len = 0;
        ip = false;
        haveMac = false;
        notIp = false;
        wantIsWire = false;
        haveIcmpType = false;
        haveIcmpCode = false;
        hl = 0;
        wantLen = 0;
        haveTcpHeaderLength = false;
        seconds = 0;
        subsecNanos = 0;
        paint = 0;
        defaultProto = defaultProtocol;
        minorVersion = dumpMinorVersion;
    }

    private boolean put(int bytes) {
        if (len + bytes > MAX) {
            return false;
        }
        len += bytes; // the array past len is kept zero
        return true;
    }

    private boolean makeIp(int proto) {
        if (notIp) {
            return false;
        }
        if (!ip) {
            if (!put(20)) {
                return false;
            }
            ip = true;
            hl = 20;
            buf[0] = 0x45;
            buf[8] = 100;
            buf[9] = (byte) defaultProto;
            if (haveFlow) {
                putInt(12, flowSrc);
                putInt(16, flowDst);
            }
        }
        int current = buf[9] & 0xFF;
        return proto == 0 || current == 0 || current == proto;
    }

    private boolean firstFragment() {
        return (getShort(6) & 0x1FFF) == 0;
    }

    private boolean makeTransport() {
        if (!firstFragment()) {
            return true;
        }
        int proto = buf[9] & 0xFF;
        int need = switch (proto) {
            case 6 -> 20;
            case 17, 136 -> 8;
            case 33 -> 12;
            case 1 -> 8;
            default -> -1;
        };
        if (need < 0) {
            return true;
        }
        long want = wanted();
        if (want > 0 && want < hl + need) {
            need = (int) Math.max(0, want - hl);
        }
        int have = len - hl;
        if (have < need) {
            if (!put(need - have)) {
                return false;
            }
            if (proto == 6 && need >= 13) {
                buf[hl + 12] = 0x50;
            }
            if (haveFlow && need >= 4) {
                putShort(hl, flowSport);
                putShort(hl + 2, flowDport);
            }
        }
        return true;
    }

    /** Applies the value last parsed for {@code field} to the packet, as Click's injectors. */
    public void inject(int field) {
        int v = (int) value;
        switch (field) {
            case SummaryFields.TIMESTAMP, SummaryFields.NTIMESTAMP -> {
                seconds = Math.floorDiv(value, 1_000_000_000L);
                subsecNanos = Math.floorMod(value, 1_000_000_000L);
            }
            case SummaryFields.TS_SEC -> seconds = value;
            case SummaryFields.TS_USEC -> subsecNanos = (value % 1_000_000L) * 1000;
            case SummaryFields.TS_USEC1 -> {
                seconds = value / 1_000_000L;
                subsecNanos = (value % 1_000_000L) * 1000;
            }
            case SummaryFields.LINK, SummaryFields.PAINT, SummaryFields.DIRECTION -> paint = v & 0xFF;
            case SummaryFields.WIRE_LEN -> {
                wantLen = value;
                wantIsWire = true;
            }
            case SummaryFields.ETH_SRC, SummaryFields.ETH_DST, SummaryFields.ETH_TYPE -> injectLink(field);
            case SummaryFields.COUNT, SummaryFields.IP_CAPTURE_LEN -> { }
            case SummaryFields.SPORT, SummaryFields.DPORT -> {
                if (!makeIp(0) || !makeTransport()) {
                    return;
                }
                int proto = buf[9] & 0xFF;
                if (proto != 0 && proto != 6 && proto != 17 && proto != 33 && proto != 136) {
                    return;
                }
                int at = hl + (field == SummaryFields.DPORT ? 2 : 0);
                if (at + 2 <= len) {
                    putShort(at, v);
                }
            }
            case SummaryFields.TCP_SEQ, SummaryFields.TCP_ACK, SummaryFields.TCP_OFF, SummaryFields.TCP_FLAGS,
                    SummaryFields.TCP_WINDOW, SummaryFields.TCP_URP -> injectTcp(field, v);
            case SummaryFields.UDP_LEN -> {
                if (!makeIp(0) || !makeTransport()) {
                    return;
                }
                int proto = buf[9] & 0xFF;
                if (proto != 0 && proto != 17 && proto != 136) {
                    return;
                }
                if (len - hl < 8 && !put(8 - (len - hl))) {
                    return;
                }
                putShort(hl + 4, v);
            }
            case SummaryFields.ICMP_TYPE, SummaryFields.ICMP_CODE, SummaryFields.ICMP_TYPE_NAME,
                    SummaryFields.ICMP_CODE_NAME, SummaryFields.ICMP_FLOWID, SummaryFields.ICMP_SEQ,
                    SummaryFields.ICMP_NEXTMTU -> injectIcmp(field, v);
            case SummaryFields.PAYLOAD_LEN, SummaryFields.PAYLOAD -> injectPayload(field);
            default -> injectIp(field, v);
        }
    }

    private void injectIcmp(int field, int v) {
        if (!makeIp(1) || !makeTransport()) {
            return;
        }
        if (len - hl < 8 && !put(8 - (len - hl))) {
            return;
        }
        int type = buf[hl] & 0xFF;
        int code = buf[hl + 1] & 0xFF;
        switch (field) {
            case SummaryFields.ICMP_TYPE, SummaryFields.ICMP_TYPE_NAME -> {
                buf[hl] = (byte) v;
                haveIcmpType = true;
            }
            case SummaryFields.ICMP_CODE -> {
                buf[hl + 1] = (byte) v;
                haveIcmpCode = true;
            }
            case SummaryFields.ICMP_CODE_NAME -> {
                int named = value >= 0 ? v : IcmpNames.codeNamed(type, payload);
                if (named >= 0) {
                    buf[hl + 1] = (byte) named;
                    haveIcmpCode = true;
                }
            }
            case SummaryFields.ICMP_FLOWID, SummaryFields.ICMP_SEQ -> {
                if (!haveIcmpType || SummaryFields.hasIcmpFlow(type)) {
                    putShort(hl + (field == SummaryFields.ICMP_FLOWID ? 4 : 6), v);
                }
            }
            default -> {
                if ((!haveIcmpType || type == 3) && (!haveIcmpCode || code == 4)) {
                    putShort(hl + 6, v);
                }
            }
        }
    }

    /** Click's link fields: an Ethernet header (type IPv4 unless eth_type says otherwise) before the IP header. */
    private void injectLink(int field) {
        if (!haveMac) {
            java.util.Arrays.fill(mac, (byte) 0);
            mac[12] = 0x08;
            haveMac = true;
        }
        if (field == SummaryFields.ETH_TYPE) {
            mac[12] = (byte) (value >> 8);
            mac[13] = (byte) value;
            notIp = value != 0x0800 && value != 0x86DD;
            return;
        }
        int at = field == SummaryFields.ETH_SRC ? 6 : 0;
        for (int i = 0; i < 6; i++) {
            mac[at + i] = (byte) (value >> (40 - 8 * i));
        }
    }

    /** The length wanted for the IP packet (wire_len counts the Ethernet header too). */
    private long wanted() {
        return wantIsWire && haveMac ? Math.max(0, wantLen - 14) : wantLen;
    }

    private void injectIp(int field, int v) {
        if (!makeIp(0)) {
            return;
        }
        switch (field) {
            case SummaryFields.IP_SRC -> putInt(12, v);
            case SummaryFields.IP_DST -> putInt(16, v);
            case SummaryFields.IP_TOS -> buf[1] = (byte) v;
            case SummaryFields.IP_DSCP -> buf[1] = (byte) ((buf[1] & 3) | ((v << 2) & 0xFC));
            case SummaryFields.IP_ECN -> buf[1] = (byte) ((buf[1] & 0xFC) | (v & 3));
            case SummaryFields.IP_TTL -> buf[8] = (byte) v;
            case SummaryFields.IP_FRAG, SummaryFields.IP_FRAGOFF -> putShort(6, v);
            case SummaryFields.IP_ID -> putShort(4, v);
            case SummaryFields.IP_SUM -> putShort(10, v);
            case SummaryFields.IP_PROTO -> buf[9] = (byte) v;
            case SummaryFields.IP_HL -> {
                int want = Math.min((v + 3) & ~3, 60);
                if (want > hl) {
                    // Click appends the option bytes (EOL, zero) at the end: no transport header exists yet
                    if (!put(want - hl)) {
                        return;
                    }
                }
                if (want >= 20) {
                    hl = Math.max(hl, want);
                    buf[0] = (byte) (0x40 | (want >> 2));
                }
            }
            case SummaryFields.IP_LEN -> {
                wantLen = value;
                wantIsWire = false;
            }
            default -> { }
        }
    }

    private void injectTcp(int field, int v) {
        if (!makeIp(6) || !makeTransport()) {
            return;
        }
        int th = hl;
        int room = len - th;
        switch (field) {
            case SummaryFields.TCP_SEQ -> {
                if (room >= 8) {
                    putInt(th + 4, v);
                }
            }
            case SummaryFields.TCP_ACK -> {
                if (room >= 12) {
                    putInt(th + 8, v);
                }
            }
            case SummaryFields.TCP_FLAGS -> {
                if (room >= 14) {
                    buf[th + 13] = (byte) v;
                    buf[th + 12] = (byte) ((buf[th + 12] & 0xF0) | ((v >> 8) & 0x0F));
                }
            }
            case SummaryFields.TCP_OFF -> {
                if (room < 13) {
                    return;
                }
                int want = Math.min((v + 3) & ~3, 60);
                int current = ((buf[th + 12] & 0xFF) >> 4) << 2;
                if (want > current && !put(want - current)) {
                    return;
                }
                buf[th + 12] = (byte) ((buf[th + 12] & 0x0F) | ((want >> 2) << 4));
                haveTcpHeaderLength = true;
            }
            case SummaryFields.TCP_WINDOW -> {
                if (room >= 16) {
                    putShort(th + 14, v);
                }
            }
            default -> {
                if (room >= 20) {
                    putShort(th + 18, v);
                }
            }
        }
    }

    /** Click's payload_info on the packet being built: where the payload starts. */
    private int payloadOffset() {
        if (!ip) {
            return 0;
        }
        int off = hl;
        if (firstFragment()) {
            int proto = buf[9] & 0xFF;
            if (proto == 6) {
                int thOff = len - hl >= 13 ? ((buf[hl + 12] & 0xFF) >> 4) << 2 : 0;
                off += thOff >= 20 ? thOff : 20;
            } else if (proto == 17 || proto == 136) {
                off += 8;
            }
        }
        return off;
    }

    private void injectPayload(int field) {
        if (makeIp(0)) {
            makeTransport();
        }
        int off = payloadOffset();
        if (field == SummaryFields.PAYLOAD_LEN) {
            accountPayloadLength(off, value);
            return;
        }
        if (payload == null || payload.isEmpty()) {
            return;
        }
        int plen = payload.length();
        accountPayloadLength(off, plen);
        if (off + plen > MAX) {
            return;
        }
        if (len < off + plen) {
            len = off + plen;
        }
        for (int i = 0; i < plen; i++) {
            buf[off + i] = (byte) payload.charAt(i);
        }
    }

    /** Click's account_payload_len, without its TCP-option padding: the IP length covers the payload. */
    private void accountPayloadLength(int off, long plen) {
        if (!ip || (getShort(2) == 0 && wanted() == 0)) {
            wantLen = off + plen;
            wantIsWire = false;
        }
    }

    /**
     * Finishes the packet (transport header, IP and UDP lengths, checksums if asked) and copies it into a
     * packet of {@code pool}; {@code null} if the pool is empty.
     */
    public Packet finish(PacketPool pool, boolean checksum) {
        if (haveFlow) {
            makeIp(0);
        }
        if (ip) {
            makeTransport();
            int ipLen = getShort(2);
            if (ipLen == 0) {
                long want = wanted();
                if (want > 0xFFFF) {
                    want = 0xFFFF;
                } else if (want == 0) {
                    want = len;
                }
                ipLen = (int) want;
                putShort(2, ipLen);
            }
            int proto = buf[9] & 0xFF;
            if (proto == 17 && firstFragment() && len - hl >= 6 && getShort(hl + 4) == 0) {
                putShort(hl + 4, ipLen - hl);
            }
            if (checksum) {
                if (ipLen > len && ipLen <= MAX) {
                    len = ipLen;
                }
                setChecksums(Math.min(ipLen, len));
            }
        }
        Packet packet = pool.allocate();
        if (packet == null) {
            return null;
        }
        int room = pool.bufferSize() - pool.headroom();
        int front = haveMac ? 14 : 0;
        int length = Math.min(len, room - front);
        packet.put(front + length);
        if (haveMac) {
            packet.setBytes(0, mac, 0, 14);
            packet.setMacHeader(0);
        }
        packet.setBytes(front, buf, 0, length);
        if (ip) {
            packet.setNetworkHeader(front, hl);
            packet.setDstIp(getInt(16));
        }
        packet.setPaint(paint);
        packet.setTimestampNanos(seconds * 1_000_000_000L + subsecNanos);
        return packet;
    }

    private void setChecksums(int ipLen) {
        putShort(10, 0);
        putShort(10, Checksums.finish(Checksums.partial(buf, 0, hl)));
        if (!firstFragment() || ipLen < hl) {
            return;
        }
        int proto = buf[9] & 0xFF;
        int tlen = Math.min(ipLen, len) - hl;
        int sumAt = switch (proto) {
            case 6 -> 16;
            case 17 -> 6;
            case 1 -> 2;
            default -> -1;
        };
        if (sumAt < 0 || tlen < sumAt + 2) {
            return;
        }
        putShort(hl + sumAt, 0);
        long sum = Checksums.partial(buf, hl, tlen);
        if (proto != 1) {
            sum += Checksums.ipv4PseudoHeader(getInt(12), getInt(16), proto, tlen);
        }
        putShort(hl + sumAt, Checksums.finish(sum));
    }

    private int getShort(int at) {
        return ((buf[at] & 0xFF) << 8) | (buf[at + 1] & 0xFF);
    }

    private int getInt(int at) {
        return (getShort(at) << 16) | getShort(at + 2);
    }

    private void putShort(int at, int v) {
        buf[at] = (byte) (v >> 8);
        buf[at + 1] = (byte) v;
    }

    private void putInt(int at, int v) {
        putShort(at, v >>> 16);
        putShort(at + 2, v);
    }
}
