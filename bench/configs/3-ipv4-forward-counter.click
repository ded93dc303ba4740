// Anchor workload 3: the forwarding chain of workload 2 with a Counter before the sink.
InfiniteSource(DATA \<02 00 00 00 00 02  02 00 00 00 00 01  08 00
    45 00 00 32  00 00 00 00  40 11 ee 93  c6 12 00 01  c6 12 00 02
    04 d2 16 2e  00 1e 00 00
    00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00>, LIMIT -1, BURST 32)
  -> Strip(14)
  -> CheckIPHeader
  -> c :: IPClassifier(udp, -)
  -> DecIPTTL
  -> Unstrip(14)
  -> Counter
  -> d :: Discard;
c[1] -> other :: Discard;
