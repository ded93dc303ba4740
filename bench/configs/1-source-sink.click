// Anchor workload 1: the per-packet floor. 64-byte packets from a source straight into a counting sink.
// Runs unchanged on Click: bench/README.md says how the two are measured side by side.
InfiniteSource(DATA \<02 00 00 00 00 02  02 00 00 00 00 01  08 00
    45 00 00 32  00 00 00 00  40 11 ee 93  c6 12 00 01  c6 12 00 02
    04 d2 16 2e  00 1e 00 00
    00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00>, LIMIT -1, BURST 32)
  -> d :: Discard;
