package dev.junction.console;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Clears the context class loader of the thread that starts bundles, just before Gogo's console starts.
 *
 * <p>JLine 3.22 and later look their terminal providers up through the thread context class loader. Inside
 * the framework that loader cannot see JLine's own providers, so Gogo falls back to a dumb terminal: no line
 * editing, no history, no completion, even on a real terminal. This bundle is started one start level before
 * gogo.jline, on the same start-level thread, and clears the loader so that JLine looks in its own bundle.
 */
public final class TerminalClassLoaderReset implements BundleActivator {
    @Override
    public void start(BundleContext context) {
        Thread.currentThread().setContextClassLoader(null);
    }

    @Override
    public void stop(BundleContext context) {
        // Nothing to undo: the start-level thread sets its loader again for whatever it starts next.
    }
}
