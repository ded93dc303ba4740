package dev.junction.standard;

import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import java.io.PrintStream;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** DriverManager: a Script of type DRIVER, which decides when the router stops. */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("DriverManager")
@ElementDoc(
        synopsis = "DriverManager(INSTRUCTIONS...)",
        category = "control",
        summary = "manages the router's stop requests with a script",
        description = """
                A Script whose TYPE defaults to DRIVER. Without it, the first stop request (a source's STOP \
                true, a write to the router's stop handler) stops the router. With it, each stop request steps \
                the script instead: a wait_stop (or pause) waits for one request, wait TIME waits for time to \
                pass, and the router stops only when the script reaches its end or a stop instruction. A script \
                without instructions waits for one stop request and stops. A router has at most one driver \
                script.

                It takes Script's instructions, expansions and handlers; for example \
                DriverManager(wait_stop, print c.count) prints a counter once the source is done, then stops.""",
        arguments = {
            @ElementDoc.Argument(name = "INSTRUCTIONS", description = "Script instructions, one per argument."),
            @ElementDoc.Argument(name = "TYPE", description = "Keyword: the script type, default DRIVER.")
        },
        handlers = {
            @ElementDoc.Handler(name = "step", mode = "write-only", description = """
                    Advances the script by N steps (default 1) past its waits."""),
            @ElementDoc.Handler(name = "goto", mode = "write-only", description = """
                    Jumps to the label written and runs from there."""),
            @ElementDoc.Handler(name = "run", mode = "read/write", description = """
                    Runs the script from the start with the written arguments; reading runs it with none."""),
            @ElementDoc.Handler(name = "set", mode = "write-only", description = "Sets VAR to VALUE: 'VAR VALUE'.")
        },
        example = "DriverManager(wait_stop, wait_stop, print c.count, stop)",
        seeAlso = {"Script"})
public final class DriverManager extends Script {
    public DriverManager() {
        super(null, null, Type.DRIVER);
    }

    /** A DriverManager that prints on {@code out} and reports on {@code err} (for tests). */
    DriverManager(PrintStream out, PrintStream err) {
        super(out, err, Type.DRIVER);
    }
}
