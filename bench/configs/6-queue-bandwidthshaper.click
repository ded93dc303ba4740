// Anchor workload 6: a Queue drained through a BandwidthShaper whose rate is far above reach (Click's
// largest bandwidth, 2^32-1 bytes/s) by a pulling Discard.
InfiniteSource(DATA \<02 00 00 00 00 02  02 00 00 00 00 01  08 00
    45 00 00 32  00 00 00 00  40 11 ee 93  c6 12 00 01  c6 12 00 02
    04 d2 16 2e  00 1e 00 00
    00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00>, LIMIT -1, BURST 32)
  -> Queue
  -> BandwidthShaper(4294967295Bps)
  -> d :: Discard(BURST 32);
