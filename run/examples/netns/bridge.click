// bridge.click: a learning Ethernet switch between the namespaces jn-a (198.18.0.1) and jn-b (198.18.0.2),
// running on the veth ends ra and rb in namespace jn-r (set up with `run/examples/netns/setup up bridge`).
// The interfaces are promiscuous, since the frames are addressed to the hosts, not to ra or rb.
//
// Another namespace: run/bin/click bridge.click NETNS=other

define($NETNS jn-r);

sw :: EtherSwitch;
fa :: FromDevice(ra, PROMISC true, BURST 32, NETNS $NETNS)
   -> [0]sw[0] -> qa :: Queue -> ta :: ToDevice(ra, BURST 32, NETNS $NETNS);
fb :: FromDevice(rb, PROMISC true, BURST 32, NETNS $NETNS)
   -> [1]sw[1] -> qb :: Queue -> tb :: ToDevice(rb, BURST 32, NETNS $NETNS);
