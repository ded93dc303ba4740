package dev.junction.linuxio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.junction.engine.runtime.Router;
import dev.junction.engine.runtime.RuntimeOptions;
import dev.junction.linuxio.sys.NetworkNamespace;
import dev.junction.router.RouterSource;
import dev.junction.tools.BundleElementClasses;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * UDP between two namespaces through a Junction bridge, with the veths' checksum offload left on (Linux's default):
 * the sender's kernel leaves the UDP checksum for the device to finish, the packet socket sees it unfinished, and
 * FromDevice must complete it, or the receiving kernel drops the datagram.
 */
class ChecksumOffloadTest {
    private final Netns netns = new Netns();

    @AfterEach
    void removeNamespaces() {
        netns.close();
    }

    @Test
    void udpWithOffloadedChecksumsCrossesTheBridge() throws Exception {
        Netns.assumeRootAndIp();
        String a = netns.create("ca");
        String b = netns.create("cb");
        String r = netns.create("cr");
        netns.veth(a, "va", r, "ra");
        netns.veth(b, "vb", r, "rb");
        netns.address(a, "va", "198.18.12.1/24");
        netns.address(b, "vb", "198.18.12.2/24");
        String config = """
                sw :: EtherSwitch;
                FromDevice(ra, PROMISC true, NETNS %1$s) -> [0]sw[0] -> ToDevice(ra, NETNS %1$s);
                FromDevice(rb, PROMISC true, NETNS %1$s) -> [1]sw[1] -> ToDevice(rb, NETNS %1$s);
                """.formatted(r);
        Router router = Router.start("offload-test", new RouterSource(config, "test.click", null, Map.of()),
                BundleElementClasses.fromClassPath(), RuntimeOptions.defaults());
        // A socket made while this thread is in namespace B belongs to B.
        DatagramSocket receiver;
        try (NetworkNamespace ignored = NetworkNamespace.enter(b)) {
            receiver = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("198.18.12.2"), 9999));
        }
        try (receiver) {
            receiver.setSoTimeout(1000);
            String received = null;
            for (int attempt = 0; attempt < 5 && received == null; attempt++) {
                // The first datagram may wait on ARP; bash's /dev/udp sends one datagram per attempt.
                netns.exec(a, "bash", "-c", "echo -n junction > /dev/udp/198.18.12.2/9999");
                try {
                    DatagramPacket datagram = new DatagramPacket(new byte[64], 64);
                    receiver.receive(datagram);
                    received = new String(datagram.getData(), 0, datagram.getLength(), StandardCharsets.US_ASCII);
                } catch (java.net.SocketTimeoutException e) {
                    // try again
                }
            }
            assertEquals("junction", received, "the datagram crossed the bridge with a valid checksum");
        } finally {
            router.stop();
            router.close();
        }
    }
}
