package dev.junction.shell;

import dev.junction.router.ElementClassSummary;
import dev.junction.router.ElementStatus;
import dev.junction.router.HandlerDescription;
import dev.junction.router.RouterControl;
import dev.junction.router.SwapReport;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The text the listing commands print, made from the embedding API's values. */
final class Listings {
    private Listings() {
    }

    /** {@code routers}: name, running or stopped, number of elements. */
    static String routers(List<RouterControl> routers) {
        TextTable table = TextTable.withColumns("ROUTER", "STATE", "ELEMENTS").alignRight(2);
        for (RouterControl router : routers) {
            table.add(router.name(), router.isRunning() ? "running" : "stopped", router.elementNames().size());
        }
        return table.render();
    }

    /** {@code elements}: name, class, and what needs attention (an orphaned class, failures). */
    static String elements(List<ElementStatus> statuses) {
        TextTable table = TextTable.withColumns("ELEMENT", "CLASS", "STATE");
        for (ElementStatus status : statuses) {
            table.add(status.name(), status.className(), state(status));
        }
        return table.render();
    }

    private static String state(ElementStatus status) {
        String failures = status.failures() == 0 ? ""
                : status.failures() + (status.failures() == 1 ? " failure" : " failures");
        if (status.orphaned()) {
            return failures.isEmpty() ? "orphaned" : "orphaned, " + failures;
        }
        return failures;
    }

    /** {@code handlers}: name and access as Click writes it ({@code r}, {@code w}, {@code rw}). */
    static String handlers(List<HandlerDescription> handlers) {
        TextTable table = TextTable.withColumns("HANDLER", "ACCESS");
        for (HandlerDescription handler : handlers) {
            table.add(handler.name(), (handler.readable() ? "r" : "") + (handler.writable() ? "w" : ""));
        }
        return table.render();
    }

    /** {@code classes}: the classes whose names match {@code glob}, sorted by name. */
    static String classes(List<ElementClassSummary> classes, Glob glob) {
        TextTable table = TextTable.withColumns("CLASS", "BUNDLE", "PORTS", "PROCESSING");
        classes.stream().filter(c -> glob.matches(c.name()))
                .sorted((a, b) -> a.name().compareTo(b.name()))
                .forEach(c -> table.add(c.name(), c.bundle(), c.portCount(), c.processing()));
        return table.render();
    }

    /** {@code bundles}: each bundle that provides classes and how many, sorted by bundle. */
    static String bundles(List<ElementClassSummary> classes) {
        Map<String, Integer> counts = new TreeMap<>();
        classes.forEach(c -> counts.merge(c.bundle(), 1, Integer::sum));
        TextTable table = TextTable.withColumns("BUNDLE", "CLASSES").alignRight(1);
        counts.forEach(table::add);
        return table.render();
    }

    /** What a swap or live edit did: {@code swapped in 12.3 us: 5 kept, 1 added, 0 removed}. */
    static String swap(SwapReport report) {
        return String.format(Locale.ROOT, "swapped in %.1f us: %d kept, %d added, %d removed\n",
                report.pauseNanos() / 1e3, report.elementsKept(), report.elementsAdded(), report.elementsRemoved());
    }
}
