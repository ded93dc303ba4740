// Anchor workload 5: an EtherSwitch learning bridge between two sources whose frames carry swapped
// Ethernet addresses; once both addresses are learned every frame goes to the other port's sink.
a :: InfiniteSource(DATA \<02 00 00 00 00 02  02 00 00 00 00 01  08 00
    45 00 00 32  00 00 00 00  40 11 ee 93  c6 12 00 01  c6 12 00 02
    04 d2 16 2e  00 1e 00 00
    00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00>, LIMIT -1, BURST 32);
b :: InfiniteSource(DATA \<02 00 00 00 00 01  02 00 00 00 00 02  08 00
    45 00 00 32  00 00 00 00  40 11 ee 93  c6 12 00 02  c6 12 00 01
    16 2e 04 d2  00 1e 00 00
    00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00>, LIMIT -1, BURST 32);
s :: EtherSwitch;
a -> [0]s[0] -> d0 :: Discard;
b -> [1]s[1] -> d1 :: Discard;
