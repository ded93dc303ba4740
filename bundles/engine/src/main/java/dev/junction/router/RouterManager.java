package dev.junction.router;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The engine as a service: deploys configurations as named routers and lists what it runs and which element
 * classes it knows. Another bundle embeds Junction by getting this service.
 */
@ProviderType
public interface RouterManager {
    /**
     * Parses, checks, configures and initializes {@code source}, then starts it as router {@code name}. A
     * router already running under that name is hot-swapped instead, as Click's {@code hotconfig}.
     *
     * @throws RouterException with every error found; nothing new runs, and a router already running under
     *                         {@code name} keeps running untouched
     */
    RouterControl deploy(String name, RouterSource source) throws RouterException;

    /** The router called {@code name}, or {@code null}. */
    RouterControl router(String name);

    /** Every running router. */
    List<RouterControl> routers();

    /** Stops router {@code name} and forgets it; returns whether there was one. */
    boolean undeploy(String name);

    /** Every element class available now, by name. */
    List<ElementClassSummary> elementClasses();

    /**
     * Parses and flattens {@code source} as click-flatten does (compound elements expanded, variables as
     * written, defines printed), without checking classes or running anything.
     *
     * @throws RouterException with every error of the language
     */
    String flatten(RouterSource source) throws RouterException;
}
