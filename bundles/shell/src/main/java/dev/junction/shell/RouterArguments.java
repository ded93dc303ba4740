package dev.junction.shell;

import dev.junction.router.RouterControl;
import dev.junction.router.RouterManager;
import java.util.Arrays;
import java.util.List;

/**
 * The optional ROUTER word in front of a command's arguments. The first word names the router when the
 * command got more words than it takes without one, or when a router of that name runs and the command
 * got more words than it needs. Otherwise the command works on the only router running, and says so
 * clearly when there are none or several.
 */
final class RouterArguments {
    private RouterArguments() {
    }

    /** The router a command works on and its words after the router's name. */
    record Target(RouterControl router, List<String> words) {
        /** Copies the list. */
        Target {
            words = List.copyOf(words);
        }
    }

    /**
     * Picks the router for a command that takes {@code min} to {@code max} words besides ROUTER.
     *
     * @param usage the command's synopsis, printed when the words do not fit
     * @throws ShellException if the words do not fit, the named router does not run, or no single router runs
     */
    static Target select(RouterManager manager, String[] args, int min, int max, String usage)
            throws ShellException {
        List<String> words = Arrays.asList(args);
        if (words.size() > max || (words.size() > min && manager.router(words.getFirst()) != null)) {
            RouterControl router = named(manager, words.getFirst());
            return fitting(new Target(router, words.subList(1, words.size())), min, max, usage);
        }
        return fitting(new Target(onlyRouter(manager), words), min, max, usage);
    }

    /** The router called {@code name}. */
    static RouterControl named(RouterManager manager, String name) throws ShellException {
        RouterControl router = manager.router(name);
        if (router == null) {
            throw new ShellException("no router named '" + name + "'");
        }
        return router;
    }

    /** The one router running. */
    static RouterControl onlyRouter(RouterManager manager) throws ShellException {
        List<RouterControl> routers = manager.routers();
        if (routers.isEmpty()) {
            throw new ShellException("no router is running: deploy one with junction:deploy FILE");
        }
        if (routers.size() > 1) {
            List<String> names = routers.stream().map(RouterControl::name).toList();
            throw new ShellException(routers.size() + " routers are running (" + String.join(", ", names)
                    + "): name one");
        }
        return routers.getFirst();
    }

    private static Target fitting(Target target, int min, int max, String usage) throws ShellException {
        int count = target.words().size();
        if (count < min || count > max) {
            throw new ShellException("usage: " + usage);
        }
        return target;
    }
}
