// Anchor workload 2: the IPv4/UDP forwarding chain on 64-byte Ethernet/IPv4/UDP frames.
InfiniteSource(DATA \<02 00 00 00 00 02  02 00 00 00 00 01  08 00
    45 00 00 32  00 00 00 00  40 11 ee 93  c6 12 00 01  c6 12 00 02
    04 d2 16 2e  00 1e 00 00
    00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00>, LIMIT -1, BURST 32)
  -> Strip(14)
  -> CheckIPHeader
  -> c :: IPClassifier(udp, -)
  -> DecIPTTL
  -> Unstrip(14)
  -> d :: Discard;
c[1] -> other :: Discard;
