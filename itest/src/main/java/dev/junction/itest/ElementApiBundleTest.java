package dev.junction.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.test.common.annotation.InjectBundleContext;

/**
 * The element-api bundle as the framework sees it: resolved, exporting the four contract packages at
 * their declared version, and wired to nothing but the framework (the API depends on the JDK only).
 */
class ElementApiBundleTest {
    static final String BSN = "dev.junction.element.api";
    /** The contract packages and their versions: element gained methods (minor version 1.1). */
    static final Map<String, Version> CONTRACT_VERSIONS = Map.of(
            "dev.junction.packet", Version.parseVersion("1.0.0"),
            "dev.junction.element", Version.parseVersion("1.2.0"),
            "dev.junction.sched", Version.parseVersion("1.1.0"),
            "dev.junction.net", Version.parseVersion("1.0.0"));
    static final List<String> CONTRACT_PACKAGES =
            List.of("dev.junction.packet", "dev.junction.element", "dev.junction.sched", "dev.junction.net");

    @InjectBundleContext
    BundleContext context;

    Bundle bundle;

    @BeforeEach
    void findBundle() {
        bundle = Arrays.stream(context.getBundles())
                .filter(b -> BSN.equals(b.getSymbolicName()))
                .findFirst()
                .orElseGet(() -> fail(BSN + " is not installed; installed: "
                        + Arrays.stream(context.getBundles())
                                .map(Bundle::getSymbolicName)
                                .collect(Collectors.joining(", "))));
    }

    @Test
    void isActiveOrResolved() {
        int state = bundle.getState();
        assertTrue(state == Bundle.ACTIVE || state == Bundle.RESOLVED,
                () -> BSN + " is in state " + state + ", expected ACTIVE (32) or RESOLVED (4)");
    }

    @Test
    void declaresTheContractPackagesAtTheirVersions() {
        Map<String, Version> exports = bundle.adapt(BundleRevision.class)
                .getDeclaredCapabilities(PackageNamespace.PACKAGE_NAMESPACE)
                .stream()
                .collect(Collectors.toMap(
                        c -> (String) c.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE),
                        c -> (Version) c.getAttributes().get(PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE)));

        for (String pkg : CONTRACT_PACKAGES) {
            assertTrue(exports.containsKey(pkg), () -> BSN + " does not export " + pkg + "; it exports " + exports);
            assertEquals(CONTRACT_VERSIONS.get(pkg), exports.get(pkg), () -> pkg + " is exported at the wrong version");
        }
    }

    @Test
    void offersTheContractPackagesInItsWiring() {
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        assertNotNull(wiring, BSN + " has no wiring: it did not resolve");
        List<String> offered = wiring.getCapabilities(PackageNamespace.PACKAGE_NAMESPACE)
                .stream()
                .map(BundleCapability::getAttributes)
                .map(a -> (String) a.get(PackageNamespace.PACKAGE_NAMESPACE))
                .toList();
        assertTrue(offered.containsAll(CONTRACT_PACKAGES),
                () -> "the wiring of " + BSN + " offers " + offered + ", expected all of " + CONTRACT_PACKAGES);
    }

    @Test
    void importsNothingButItsOwnPackagesAndTheFrameworks() {
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        assertNotNull(wiring, BSN + " has no wiring: it did not resolve");
        for (BundleWire wire : wiring.getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE)) {
            Bundle provider = wire.getProvider().getBundle();
            assertTrue(provider.equals(bundle) || provider.getBundleId() == Constants.SYSTEM_BUNDLE_ID,
                    () -> BSN + " imports " + wire.getCapability().getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE)
                            + " from " + provider.getSymbolicName() + ": the element API may depend on the JDK only");
        }
    }
}
