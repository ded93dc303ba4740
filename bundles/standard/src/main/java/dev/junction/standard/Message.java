package dev.junction.standard;

import dev.junction.element.ArgTypes;
import dev.junction.element.Args;
import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import java.io.PrintStream;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** Message: reports a message, a warning or an error when configured. */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("Message")
@ElementDoc(
        synopsis = "Message(MESSAGE [, TYPE])",
        category = "control",
        summary = "prints a message on configuration",
        description = """
                Reports MESSAGE when the router is configured; it has no ports and does nothing else. It \
                documents a configuration from inside it, or marks one as obsolete.

                TYPE MESSAGE prints MESSAGE on standard error as Click prints it, under the element's context \
                line (file:line: While configuring 'm :: Message':, then the message indented), and the \
                router goes on. TYPE WARNING reports it as a warning of the element; the router goes on. TYPE \
                ERROR makes the element's configuration fail with MESSAGE as its error, so the router is not \
                started.""",
        arguments = {
            @ElementDoc.Argument(name = "MESSAGE", description = "String. The text to report."),
            @ElementDoc.Argument(name = "TYPE", description = """
                    Keyword: MESSAGE, WARNING or ERROR. Default MESSAGE.""")
        },
        example = "Message(\"This configuration is deprecated; use test-tun.click instead.\", WARNING)",
        seeAlso = {"Error"})
public final class Message extends Element {
    /** Where MESSAGE-type messages go; {@code null} for the standard error of the moment. */
    private final PrintStream out;

    public Message() {
        this(null);
    }

    /** A Message that prints MESSAGE-type messages on {@code out} (for tests). */
    Message(PrintStream out) {
        this.out = out;
    }

    @Override
    public String portCount() {
        return "0/0";
    }

    @Override
    public void configure(Args args) throws ConfigurationException {
        String message = args.requirePositional("MESSAGE", ArgTypes.STRING);
        String type = args.readPositional("TYPE", ArgTypes.KEYWORD, "MESSAGE");
        args.complete();
        switch (type) {
            case "MESSAGE" -> print(message);
            case "WARNING" -> context().warning(message);
            case "ERROR" -> throw new ConfigurationException(message);
            default -> throw new ConfigurationException("unrecognized message type");
        }
    }

    /** Click's context form: the element's landmark and context line, then each line of the message indented. */
    private void print(String message) {
        String landmark = context().landmark();
        StringBuilder text = new StringBuilder();
        if (landmark != null && !landmark.isEmpty()) {
            text.append(landmark).append(": ");
        }
        text.append("While configuring '").append(context().name()).append(" :: Message':\n");
        for (String line : message.split("\n", -1)) {
            text.append("  ").append(line).append('\n');
        }
        (out != null ? out : System.err).print(text);
    }
}
