// iprouter.click: an IPv4 router between two subnets, on the veth ends ra and rb in namespace jn-r
// (set up with `run/examples/netns/setup up router`). The kernels in jn-a (198.18.1.2) and jn-b
// (198.18.2.2) route 198.18.0.0/15 through this router, which is 198.18.1.1 on ra and 198.18.2.1 on rb.
// There is no kernel IP on ra or rb, and SNIFFER false hides their frames from the kernel of jn-r: every ARP
// answer, route decision and ICMP error comes from the graph. Packets for the router itself go to the Linux
// stack of jn-r through TUN devices (the slow path), which answers pings and could run services.
//
// Override the defines on click's command line: run/bin/click iprouter.click NETNS=other MTU=1000

define($NETNS jn-r,               // the namespace that holds ra and rb
       $MAC1 02:00:c6:12:01:01,   // ra's Ethernet address (the setup script sets it)
       $MAC2 02:00:c6:12:02:01,   // rb's
       $MTU 1500);                // the largest IP packet sent; bigger ones are fragmented, or refused with DF

// Per interface, frames are sorted into ARP requests [0], ARP replies [1], IP [2] and the rest [3].
c1 :: Classifier(12/0806 20/0001, 12/0806 20/0002, 12/0800, -);
c2 :: Classifier(12/0806 20/0001, 12/0806 20/0002, 12/0800, -);
from1 :: FromDevice(ra, SNIFFER false, NETNS $NETNS, BURST 32) -> c1;
from2 :: FromDevice(rb, SNIFFER false, NETNS $NETNS, BURST 32) -> c2;

out1 :: Queue(200) -> to1 :: ToDevice(ra, NETNS $NETNS, BURST 32);
out2 :: Queue(200) -> to2 :: ToDevice(rb, NETNS $NETNS, BURST 32);

// ARP: answer for the router's own address on each side; replies teach each side's querier.
c1[0] -> ARPResponder(198.18.1.1 $MAC1) -> out1;
c2[0] -> ARPResponder(198.18.2.1 $MAC2) -> out2;
arpq1 :: ARPQuerier(198.18.1.1, $MAC1) -> out1;
arpq2 :: ARPQuerier(198.18.2.1, $MAC2) -> out2;
c1[1] -> [1]arpq1;
c2[1] -> [1]arpq2;

// Everything else from the links is counted and dropped.
other :: Counter -> Discard;
c1[3] -> other;
c2[3] -> other;

// IP in: remember the arrival interface as paint, check the header, route on the destination.
//   rt[0]: addressed to the router itself: to the Linux stack of jn-r
//   rt[1], rt[2]: out of ra, rb
//   rt[3]: no route: ICMP network unreachable
ip :: Strip(14)
   -> CheckIPHeader(INTERFACES 198.18.1.1/24 198.18.2.1/24)
   -> GetIPAddress(16)
   -> rt :: StaticIPLookup(198.18.1.1/32 0, 198.18.1.255/32 0, 198.18.1.0/32 0,
                           198.18.2.1/32 0, 198.18.2.255/32 0, 198.18.2.0/32 0,
                           198.18.1.0/24 1, 198.18.2.0/24 2, 0.0.0.0/0 3);
c1[2] -> Paint(1) -> ip;
c2[2] -> Paint(2) -> ip;

// The slow path: the kernel of jn-r owns the router's two addresses on two TUN devices; what it sends back
// (answers, and its own packets to 198.18.0.0/15) leaves the devices and is routed like any other packet.
host1 :: KernelTun(198.18.1.1/15, DEVNAME jtun1, NETNS $NETNS);
host2 :: KernelTun(198.18.2.1/15, DEVNAME jtun2, NETNS $NETNS);
rt[0] -> local :: Counter -> host1;
Idle -> host2;
host1 -> GetIPAddress(16) -> rt;
host2 -> GetIPAddress(16) -> rt;
rt[3] -> ICMPError(198.18.1.1, unreachable, net) -> rt;

// IP out, per interface: no link-level broadcasts; a redirect when a packet leaves by the interface it came
// in on; IP options; the interface's address on the router's own ICMP errors; the TTL; the MTU; then ARP.
rt[1] -> DropBroadcasts
      -> cp1 :: PaintTee(1)
      -> gio1 :: IPGWOptions(198.18.1.1)
      -> FixIPSrc(198.18.1.1)
      -> dt1 :: DecIPTTL
      -> fr1 :: IPFragmenter($MTU)
      -> arpq1;
rt[2] -> DropBroadcasts
      -> cp2 :: PaintTee(2)
      -> gio2 :: IPGWOptions(198.18.2.1)
      -> FixIPSrc(198.18.2.1)
      -> dt2 :: DecIPTTL
      -> fr2 :: IPFragmenter($MTU)
      -> arpq2;

// The router's ICMP errors go back through the routing table to the packet's sender.
cp1[1] -> ICMPError(198.18.1.1, redirect, host) -> rt;
cp2[1] -> ICMPError(198.18.2.1, redirect, host) -> rt;
gio1[1] -> ICMPError(198.18.1.1, parameterproblem) -> rt;
gio2[1] -> ICMPError(198.18.2.1, parameterproblem) -> rt;
dt1[1] -> ICMPError(198.18.1.1, timeexceeded) -> rt;
dt2[1] -> ICMPError(198.18.2.1, timeexceeded) -> rt;
fr1[1] -> ICMPError(198.18.1.1, unreachable, needfrag, PMTU $MTU) -> rt;
fr2[1] -> ICMPError(198.18.2.1, unreachable, needfrag, PMTU $MTU) -> rt;
