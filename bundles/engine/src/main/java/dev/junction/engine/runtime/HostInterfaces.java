package dev.junction.engine.runtime;

import dev.junction.element.NameInfo;
import java.net.Inet4Address;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;

/**
 * Click's default addresses for names no AddressInfo defines: a network interface of the host called NAME gives
 * its primary IPv4 address ({@code NAME}, {@code NAME:ip}), its IPv4 prefix ({@code NAME:net}) and its Ethernet
 * address, so {@code ARPQuerier(eth0)} works as in Click. The interfaces are those of the router's own network
 * namespace, read when a configuration is checked.
 */
final class HostInterfaces {
    private HostInterfaces() {
    }

    /** The value of {@code name} of {@code type} from the interface called {@code name}, or {@code null}. */
    static String lookup(String type, String name) {
        if (name.isEmpty() || name.length() > 15 || name.indexOf('/') >= 0 || name.indexOf(':') >= 0) {
            return null;
        }
        NetworkInterface device;
        try {
            device = NetworkInterface.getByName(name);
        } catch (SocketException e) {
            return null;
        }
        if (device == null) {
            return null;
        }
        return switch (type) {
            case NameInfo.IP_ADDRESS, NameInfo.IP_PREFIX -> ipv4(device, type.equals(NameInfo.IP_PREFIX));
            case NameInfo.ETHER_ADDRESS -> ether(device);
            default -> null;
        };
    }

    private static String ipv4(NetworkInterface device, boolean prefix) {
        for (InterfaceAddress address : device.getInterfaceAddresses()) {
            if (address.getAddress() instanceof Inet4Address ipv4) {
                String text = ipv4.getHostAddress();
                return prefix ? text + "/" + address.getNetworkPrefixLength() : text;
            }
        }
        return null;
    }

    private static String ether(NetworkInterface device) {
        byte[] mac;
        try {
            mac = device.getHardwareAddress();
        } catch (SocketException e) {
            return null;
        }
        if (mac == null || mac.length != 6) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (byte b : mac) {
            text.append(text.isEmpty() ? "" : ":").append(String.format("%02x", b & 0xFF));
        }
        return text.toString();
    }
}
