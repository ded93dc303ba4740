// Anchor workload 4: VXLAN-style encapsulation of a 64-byte Ethernet frame: the 8-byte VXLAN header
// (flags 0x08, VNI 1), then UDP to port 4789 with its checksum computed, IPv4, and Ethernet.
InfiniteSource(DATA \<02 00 00 00 00 02  02 00 00 00 00 01  08 00
    45 00 00 32  00 00 00 00  40 11 ee 93  c6 12 00 01  c6 12 00 02
    04 d2 16 2e  00 1e 00 00
    00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00>, LIMIT -1, BURST 32)
  -> Unstrip(8)
  -> StoreData(0, \<08 00 00 00  00 00 01 00>)
  -> UDPIPEncap(198.18.1.1, 4789, 198.18.1.2, 4789, CHECKSUM true)
  -> EtherEncap(0x0800, 02:00:00:00:01:01, 02:00:00:00:01:02)
  -> d :: Discard;
