package dev.junction.shell;

import dev.junction.element.HandlerException;
import dev.junction.router.HandlerDescription;
import dev.junction.router.RouterControl;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code read} reads and how it prints it: the readable handlers a glob names, and
 * {@code name: value} lines.
 */
final class HandlerReads {
    private HandlerReads() {
    }

    /**
     * The readable handlers of {@code router} whose full names match {@code glob}: element handlers
     * ({@code element.handler}) in configuration order, then global handlers ({@code version}, ...).
     */
    static List<String> matching(RouterControl router, Glob glob) throws HandlerException {
        List<String> names = new ArrayList<>();
        for (String element : router.elementNames()) {
            addMatching(names, element + ".", router.handlers(element), glob);
        }
        addMatching(names, "", router.handlers(""), glob);
        return names;
    }

    private static void addMatching(List<String> names, String prefix, List<HandlerDescription> handlers,
            Glob glob) {
        for (HandlerDescription handler : handlers) {
            String name = prefix + handler.name();
            if (handler.readable() && glob.matches(name)) {
                names.add(name);
            }
        }
    }

    /**
     * {@code name: value}, or {@code name:} and the value's lines below it when it has several. White space
     * at the end of the value (handlers often end it with a newline) is dropped; the result ends in one
     * newline.
     */
    static String format(String name, String value) {
        String text = value.stripTrailing();
        return text.indexOf('\n') >= 0 ? name + ":\n" + text + "\n" : name + ": " + text + "\n";
    }
}
