package dev.junction.engine.osgi;

import dev.junction.router.RouterException;
import dev.junction.router.RouterManager;
import dev.junction.router.RouterSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

/**
 * A router deployed from configuration: one ConfigAdmin factory configuration of {@value #PID} per router,
 * for example the file {@code deploy/dev.junction.router-hello.cfg} that FileInstall turns into one, with
 * {@code file=/path/hello.click}. Changing the configuration hot-swaps the router; deleting it stops the
 * router. A configuration with errors is reported and leaves whatever was running as it was.
 */
@Component(configurationPid = ConfiguredRouter.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
public final class ConfiguredRouter {
    /** The factory PID of router configurations. */
    public static final String PID = "dev.junction.router";

    private static final System.Logger LOG = System.getLogger(ConfiguredRouter.class.getName());

    /** The properties of a router configuration. */
    public @interface Config {
        /** The Click configuration file. */
        String file();

        /** The router's name; by default the file's base name. */
        String name() default "";

        /** {@code NAME=value} overrides of the configuration's defines. */
        String[] definitions() default {};
    }

    private final RouterManager manager;
    private String deployedName;

    /** Deploys the configured router. */
    @Activate
    public ConfiguredRouter(@Reference RouterManager manager, Config config) {
        this.manager = manager;
        apply(config);
    }

    @Modified
    void apply(Config config) {
        Path file = Path.of(config.file());
        String name = config.name().isEmpty() ? RouterSource.defaultRouterName(file) : config.name();
        Map<String, String> definitions = new LinkedHashMap<>();
        for (String definition : config.definitions()) {
            int equals = definition.indexOf('=');
            if (equals > 0) {
                definitions.put(definition.substring(0, equals), definition.substring(equals + 1));
            }
        }
        if (deployedName != null && !deployedName.equals(name)) {
            manager.undeploy(deployedName);
        }
        try {
            manager.deploy(name, RouterSource.ofFile(file).withDefinitions(definitions));
            deployedName = name;
        } catch (IOException e) {
            LOG.log(System.Logger.Level.ERROR, "router " + name + ": " + file + ": " + e.getMessage());
        } catch (RouterException e) {
            LOG.log(System.Logger.Level.ERROR, "router " + name + " not deployed:\n" + e.getMessage());
        }
    }

    @Deactivate
    void remove() {
        if (deployedName != null) {
            manager.undeploy(deployedName);
        }
    }
}
