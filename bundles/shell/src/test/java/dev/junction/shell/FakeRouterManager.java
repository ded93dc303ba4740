package dev.junction.shell;

import dev.junction.router.ElementClassSummary;
import dev.junction.router.RouterControl;
import dev.junction.router.RouterException;
import dev.junction.router.RouterManager;
import dev.junction.router.RouterSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An engine for the shell's tests: routers are {@link FakeRouter}s, a deployed configuration's text is
 * remembered, and a configuration whose text contains {@code error} fails with two errors.
 */
final class FakeRouterManager implements RouterManager {
    final Map<String, FakeRouter> routers = new LinkedHashMap<>();
    final Map<String, RouterSource> deployed = new LinkedHashMap<>();
    List<ElementClassSummary> classes = new ArrayList<>();

    /** Adds a running router. */
    FakeRouter add(FakeRouter router) {
        routers.put(router.name(), router);
        return router;
    }

    @Override
    public RouterControl deploy(String name, RouterSource source) throws RouterException {
        failOnError(source);
        deployed.put(name, source);
        return routers.computeIfAbsent(name, n -> new FakeRouter(n).element("c", "Counter", "count", "0"));
    }

    @Override
    public String flatten(RouterSource source) throws RouterException {
        failOnError(source);
        return "flat " + source.fileName() + " " + source.definitions() + "\n";
    }

    private static void failOnError(RouterSource source) throws RouterException {
        if (source.text().contains("error")) {
            throw new RouterException(List.of(source.fileName() + ":1: first error",
                    source.fileName() + ":2: second error"));
        }
    }

    @Override
    public RouterControl router(String name) {
        return routers.get(name);
    }

    @Override
    public List<RouterControl> routers() {
        return List.copyOf(routers.values());
    }

    @Override
    public boolean undeploy(String name) {
        FakeRouter router = routers.remove(name);
        if (router != null) {
            router.stop();
        }
        return router != null;
    }

    @Override
    public List<ElementClassSummary> elementClasses() {
        return classes;
    }
}
