package dev.junction.linuxio;

import dev.junction.element.ConfigurationException;
import dev.junction.linuxio.sys.TunTap;
import java.util.HashMap;
import java.util.Map;

/**
 * The TUN/TAP devices this bundle's elements have open, by namespace and name, shared by reference count.
 * Sharing is what lets ToHost write to the device its FromHost reads (Linux lets one descriptor own a
 * single-queue device), and what carries a named device across a hot swap: the successor acquires the live
 * device before its predecessor releases it, so the device, its addresses and routes, and the frames queued in
 * it survive the swap. A device opened without a name is never shared.
 */
final class HostDevices {
    private static final Map<String, Shared> OPEN = new HashMap<>();

    private record Shared(TunTap device, int references) {
    }

    private HostDevices() {
    }

    /**
     * The device {@code name} of {@code netns} (null: the router's namespace), opened now if no element has it
     * open; when it is open already, {@code settings} (if any) are applied to it again.
     */
    static synchronized TunTap acquire(String name, boolean tap, String netns, TunTap.Settings settings)
            throws ConfigurationException {
        if (name == null) {
            return TunTap.open(null, tap, netns, settings);
        }
        String key = key(name, netns);
        Shared shared = OPEN.get(key);
        if (shared == null) {
            TunTap device = TunTap.open(name, tap, netns, settings);
            OPEN.put(key, new Shared(device, 1));
            return device;
        }
        if (shared.device().isTap() != tap) {
            throw new ConfigurationException("device '" + name + "' is already open as a "
                    + (shared.device().isTap() ? "TAP" : "TUN") + " device");
        }
        if (settings != null) {
            shared.device().reapply(netns, settings);
        }
        OPEN.put(key, new Shared(shared.device(), shared.references() + 1));
        return shared.device();
    }

    /** The open device {@code name} of {@code netns} with one more reference, or null if none is open. */
    static synchronized TunTap share(String name, String netns) {
        String key = key(name, netns);
        Shared shared = OPEN.get(key);
        if (shared == null) {
            return null;
        }
        OPEN.put(key, new Shared(shared.device(), shared.references() + 1));
        return shared.device();
    }

    /** Gives back one reference; the last one closes the device. */
    static synchronized void release(TunTap device, String netns) {
        String key = key(device.name(), netns);
        Shared shared = OPEN.get(key);
        if (shared == null || shared.device() != device) {
            device.close();
            return;
        }
        if (shared.references() == 1) {
            OPEN.remove(key);
            device.close();
        } else {
            OPEN.put(key, new Shared(device, shared.references() - 1));
        }
    }

    private static String key(String name, String netns) {
        return (netns == null ? "" : netns) + "\n" + name;
    }
}
