package dev.junction.tools;

import dev.junction.element.HandlerException;
import dev.junction.router.ElementStatus;
import dev.junction.router.HandlerDescription;
import dev.junction.router.RouterControl;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints the read handlers {@code click -h} names once the router has run, as Click's driver prints them
 * ({@code call_read_handlers} in Click's {@code click.cc}).
 *
 * <p>A spec is {@code ELEMENT.HANDLER} or a global handler name. ELEMENT is an element's name, else a glob
 * over element names (if it holds {@code ?}, {@code *} or {@code [}), else a class name; a glob or class
 * reaches every matching element that has that read handler. Values are printed bare when there is one spec
 * naming one element; otherwise each is headed by a {@code name:} line and followed by a blank line. A value
 * that does not end in a newline gets one. Errors ({@code no element 'x'}, {@code no 'x.h' handler},
 * {@code 'x.h' is a write handler}) go to standard error and the other specs are still printed.
 */
final class HandlerReport {
    private final RouterControl router;
    private final PrintWriter out;
    private final PrintWriter err;
    private boolean failed;

    private HandlerReport(RouterControl router, PrintWriter out, PrintWriter err) {
        this.router = router;
        this.out = out;
        this.err = err;
    }

    /** Prints the handlers {@code specs} name; returns whether every one could be read. */
    static boolean print(RouterControl router, List<String> specs, PrintWriter out, PrintWriter err) {
        HandlerReport report = new HandlerReport(router, out, err);
        boolean printNames = specs.size() > 1;
        for (String spec : specs) {
            report.printSpec(spec, printNames);
        }
        out.flush();
        return !report.failed;
    }

    private void printSpec(String spec, boolean printNames) {
        int dot = spec.indexOf('.'); // Click splits at the first dot
        if (dot < 0) {
            printHandler("", spec, printNames);
            return;
        }
        String elementPattern = spec.substring(0, dot);
        String handler = spec.substring(dot + 1);
        List<ElementStatus> elements = router.status();
        if (elements.stream().anyMatch(e -> e.name().equals(elementPattern))) {
            printHandler(elementPattern, handler, printNames);
            return;
        }
        boolean glob = ClickGlob.isPattern(elementPattern);
        List<String> readable = new ArrayList<>();
        boolean any = false;
        for (ElementStatus element : elements) {
            boolean matches = glob ? ClickGlob.matches(element.name(), elementPattern)
                    : element.className().equals(elementPattern);
            if (matches) {
                any = true;
                HandlerDescription description = describe(element.name(), handler);
                if (description != null && description.readable()) {
                    readable.add(element.name());
                }
            }
        }
        if (!any) {
            error((glob ? "no element matching '" : "no element '") + elementPattern + "'");
            return;
        }
        // A glob or class always prints names: it may reach any number of elements.
        readable.forEach(element -> printHandler(element, handler, true));
    }

    /** Prints handler {@code handler} of {@code element} ("" for the router's own handlers). */
    private void printHandler(String element, String handler, boolean printName) {
        String fullName = element.isEmpty() ? handler : element + "." + handler;
        HandlerDescription description = describe(element, handler);
        if (description == null) {
            error("no '" + fullName + "' handler");
            return;
        }
        if (!description.readable()) {
            error("'" + fullName + "' is a write handler");
            return;
        }
        String value;
        try {
            value = router.read(fullName);
        } catch (HandlerException e) {
            error(e.getMessage());
            return;
        }
        if (printName) {
            out.print(fullName + ":\n");
        }
        out.print(value.isEmpty() || value.endsWith("\n") ? value : value + "\n");
        if (printName) {
            out.print("\n");
        }
    }

    private HandlerDescription describe(String element, String handler) {
        try {
            return router.handlers(element).stream().filter(h -> h.name().equals(handler)).findFirst().orElse(null);
        } catch (HandlerException e) {
            return null;
        }
    }

    private void error(String message) {
        out.flush(); // keeps the order of values and errors when both streams go to one terminal
        err.println(message);
        failed = true;
    }
}
