package dev.junction.standard;

/** Click's way of printing a bandwidth ({@code BandwidthArg::unparse}), for handlers. */
final class Bandwidths {
    private Bandwidths() {
    }

    /**
     * {@code bytesPerSecond} with the unit Click picks: {@code MBps} from 2<sup>29</sup> B/s up, then
     * {@code Gbps}, {@code Mbps} and {@code kbps}, in decimal without trailing zeros ({@code 10Mbps},
     * {@code 1.5Gbps}, {@code 4000MBps}).
     */
    static String format(long bytesPerSecond) {
        if (bytesPerSecond >= 0x2000_0000L) {
            return decimal(bytesPerSecond, 6) + "MBps";
        } else if (bytesPerSecond >= 125_000_000L) {
            return decimal(bytesPerSecond * 8, 9) + "Gbps";
        } else if (bytesPerSecond >= 125_000L) {
            return decimal(bytesPerSecond * 8, 6) + "Mbps";
        }
        return decimal(bytesPerSecond * 8, 3) + "kbps";
    }

    /** {@code value / 10^digits} in decimal, trailing zeros of the fraction dropped (Click's cp_unparse_real10). */
    private static String decimal(long value, int digits) {
        long scale = 1;
        for (int i = 0; i < digits; i++) {
            scale *= 10;
        }
        long whole = value / scale;
        long fraction = value % scale;
        if (fraction == 0) {
            return Long.toString(whole);
        }
        String text = Long.toString(scale + fraction).substring(1);
        int end = text.length();
        while (text.charAt(end - 1) == '0') {
            end--;
        }
        return whole + "." + text.substring(0, end);
    }
}
