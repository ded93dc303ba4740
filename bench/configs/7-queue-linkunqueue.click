// Anchor workload 7: a Queue drained by LinkUnqueue, a link of no latency and 32 Gbps, into a Discard.
InfiniteSource(DATA \<02 00 00 00 00 02  02 00 00 00 00 01  08 00
    45 00 00 32  00 00 00 00  40 11 ee 93  c6 12 00 01  c6 12 00 02
    04 d2 16 2e  00 1e 00 00
    00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00>, LIMIT -1, BURST 32)
  -> Queue
  -> LinkUnqueue(0us, 32Gbps)
  -> d :: Discard;
