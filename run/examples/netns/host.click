// host.click: hands every frame that arrives on ra (namespace jn-r) to the Linux stack of jn-r through a TAP
// device, jtap0, and sends the stack's frames back out of ra: the kernel of jn-r becomes a host on jn-a's
// network at 198.18.0.254, with Junction in between (the slow path of a router: what the graph does not
// handle itself goes to Linux). Set up with `run/examples/netns/setup up bridge`, then, from jn-a:
//   ip netns exec jn-a ping -c 3 198.18.0.254
//
// Override the defines when deploying: junction:deploy host.click NETNS=other ADDR=198.18.0.253/24

define($NETNS jn-r,                 // the namespace that holds ra; the TAP device is made there too
       $ADDR 198.18.0.254/24,       // the kernel's address on the TAP device, and its network
       $ETHER 02:00:c6:12:00:fe);   // the TAP device's Ethernet address (jn-a learns it through ARP)

// Link to host: every frame (PROMISC: they are addressed to the TAP device's Ethernet address, not ra's).
FromDevice(ra, PROMISC true, BURST 32, NETNS $NETNS) -> th :: ToHost(jtap0, NETNS $NETNS);

// Host to link: FromHost makes jtap0, gives the kernel its address, and reads what the kernel sends.
fh :: FromHost(jtap0, $ADDR, ETHER $ETHER, BURST 32, NETNS $NETNS) -> td :: ToDevice(ra, NETNS $NETNS);
