package dev.junction.standard;

import dev.junction.element.Args;
import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.element.NameInfo;
import dev.junction.standard.script.Words;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** PortInfo: gives names to TCP and UDP ports for other elements' arguments. */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("PortInfo")
@ElementDoc(
        synopsis = "PortInfo(NAME PORT[/PROTOCOL] [NAME...], ...)",
        category = "information",
        summary = "names TCP and UDP ports",
        description = """
                Each argument defines one or more names for a port: 'www 80/tcp' names TCP port 80; without a \
                protocol the name holds for TCP and UDP; after the port, more names for the same port may \
                follow, up to a word starting with '#', which begins a comment. PROTOCOL is tcp, udp, or \
                another IP protocol name or number. An argument starting with '#' is a comment.

                Elements that read a port number (UDPIPEncap, IPFilter, ...) accept these names. Without a \
                PortInfo definition, Click's well-known service names still work (ssh 22, smtp 25, www and http \
                80, domain 53, ...). Names are scoped like elements: a PortInfo inside a compound element \
                defines names for the elements of that compound, hiding outer definitions. PortInfo is \
                configured before every other element.""",
        arguments = {
            @ElementDoc.Argument(name = "NAME PORT/PROTOCOL", description = "A name, a port and optional protocol, more names.")
        },
        example = "PortInfo(ssh 22, www 80/tcp http, dns 53/udp)",
        seeAlso = {"AddressInfo", "UDPIPEncap"})
public final class PortInfo extends Element {
    private static final int TCP = 6;
    private static final int UDP = 17;

    @Override
    public int configurePhase() {
        return CONFIGURE_PHASE_FIRST;
    }

    @Override
    public void configure(Args args) throws ConfigurationException {
        StandardArgs.eachPositional(args, this::readPorts);
    }

    private void readPorts(String argument, List<String> problems) {
        String[] first = Words.shift(argument);
        String name = first[0];
        if (name.isEmpty() || name.startsWith("#")) {
            return; // empty arguments and comments
        }
        String[] second = Words.shift(first[1]);
        String portText = second[0];
        int slash = portText.indexOf('/');
        String number = slash < 0 ? portText : portText.substring(0, slash);
        int port = parsePort(number);
        int protocol = -1; // TCP and UDP
        if (port < 0) {
            problems.add("expected 'NAME PORT/PROTO'");
            return;
        }
        if (slash >= 0) {
            String protocolName = portText.substring(slash + 1);
            protocol = protocolName.equals("tcp") ? TCP : protocolName.equals("udp") ? UDP
                    : protocolNumber(protocolName);
            if (protocol < 0) {
                return; // Click skips an unknown protocol silently
            }
        }
        String rest = second[1];
        while (!name.isEmpty() && !name.startsWith("#")) {
            if (protocol < 0) {
                context().defineName(NameInfo.port(TCP), name, Integer.toString(port));
                context().defineName(NameInfo.port(UDP), name, Integer.toString(port));
            } else {
                context().defineName(NameInfo.port(protocol), name, Integer.toString(port));
            }
            String[] next = Words.shift(rest);
            name = next[0];
            rest = next[1];
        }
    }

    private static int parsePort(String text) {
        if (text.isEmpty() || text.length() > 10) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return -1;
            }
        }
        long value = Long.parseLong(text);
        return value > 0xFFFF_FFFFL ? -1 : (int) Math.min(value, Integer.MAX_VALUE);
    }

    private static int protocolNumber(String text) {
        int known = NameInfo.knownProtocol(text);
        if (known >= 0) {
            return known;
        }
        int number = parsePort(text);
        return number >= 0 && number <= 255 ? number : -1;
    }
}
