package dev.junction.engine.runtime;

import dev.junction.engine.graph.FlatElement;
import dev.junction.engine.lang.ClickLanguage;
import dev.junction.router.RouterException;
import dev.junction.router.RouterSource;
import java.util.List;

/**
 * The router's global handlers, in Click's order and with Click's output: {@code version}, {@code config},
 * {@code flatconfig}, {@code requirements}, {@code handlers}, {@code list} (the count, then one name per
 * line), {@code stop}, {@code classes} (one per line) and {@code hotconfig} (writing it hot-swaps the written
 * configuration in, named {@code config} in messages as Click names it).
 */
final class GlobalHandlers {
    private GlobalHandlers() {
    }

    static HandlerTable build(Router router) {
        HandlerTable table = new HandlerTable();
        table.addRead("version", () -> Router.VERSION, "", false);
        table.addRead("config", router::configuration, "", false);
        table.addRead("flatconfig", router::flatConfiguration, "", false);
        table.addRead("requirements", () -> lines(router.flatRouter().requirements()), "", false);
        table.addRead("handlers", router::globalHandlerListing, "", false);
        table.addRead("list", () -> list(router), "", false);
        table.addWrite("stop", value -> router.requestStop(), "", false);
        table.addRead("classes", () -> lines(router.classNames()), "", false);
        table.addWrite("hotconfig", value -> router.swapFromHandler("hotconfig", () -> hotconfig(router, value)),
                "%", false);
        return table;
    }

    private static String list(Router router) {
        List<FlatElement> elements = router.flatRouter().elements();
        StringBuilder text = new StringBuilder().append(elements.size()).append('\n');
        elements.forEach(e -> text.append(e.name()).append('\n'));
        return text.toString();
    }

    private static String lines(List<String> items) {
        StringBuilder text = new StringBuilder();
        items.forEach(item -> text.append(item).append('\n'));
        return text.toString();
    }

    private static void hotconfig(Router router, String text) throws RouterException {
        RouterSource current = router.source();
        router.hotswap(new RouterSource(text, ClickLanguage.EXPRESSION_FILE_NAME, current.includeDirectory(),
                current.definitions()));
    }
}
