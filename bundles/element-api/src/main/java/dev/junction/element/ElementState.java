package dev.junction.element;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * State handed from an old element to its replacement in a hot swap: queued packets, table entries, counters.
 *
 * <p>When a bundle is updated, the old and the new element are instances of two different classes that
 * happen to share a name (two class loaders). So state travels in types both sides know: JDK types
 * (numbers, strings, arrays, collections, maps, records of the JDK) and element-api types (packets). Storing
 * any other class is refused at once with a message naming it, rather than failing later in the new element.
 */
public final class ElementState {
    private static final ClassLoader API_LOADER = ElementState.class.getClassLoader();

    private final Map<String, Object> values = new LinkedHashMap<>();

    /** Stores {@code value} under {@code key}; the value, and what it contains, must be of JDK or element-api types. */
    public void put(String key, Object value) {
        checkPortable(key, value);
        values.put(key, value);
    }

    /** Stores a long under {@code key}. */
    public void putLong(String key, long value) {
        values.put(key, value);
    }

    /** The value under {@code key}, or {@code null}; a value of another type raises IllegalStateException. */
    public <T> T get(String key, Class<T> type) {
        Object value = values.get(key);
        if (value != null && !type.isInstance(value)) {
            throw new IllegalStateException("state '" + key + "' holds " + value.getClass().getName()
                    + ", not " + type.getName());
        }
        return type.cast(value);
    }

    /** The long under {@code key}, or {@code defaultValue} if there is none. */
    public long getLong(String key, long defaultValue) {
        Number value = get(key, Number.class);
        return value == null ? defaultValue : value.longValue();
    }

    /** Whether a value is stored under {@code key}. */
    public boolean contains(String key) {
        return values.containsKey(key);
    }

    /** The keys, in the order they were first stored. */
    public Set<String> keys() {
        return Collections.unmodifiableSet(values.keySet());
    }

    /** Whether no state was stored. */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    private static void checkPortable(String key, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> collection) {
            for (Object item : collection) {
                checkPortable(key, item);
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                checkPortable(key, entry.getKey());
                checkPortable(key, entry.getValue());
            }
        } else if (value instanceof Object[] array) {
            for (Object item : array) {
                checkPortable(key, item);
            }
        }
        Class<?> type = value.getClass();
        while (type.isArray()) {
            type = type.getComponentType();
        }
        ClassLoader loader = type.getClassLoader();
        if (loader != null && loader != API_LOADER && loader != ClassLoader.getPlatformClassLoader()) {
            throw new IllegalArgumentException("state '" + key + "' cannot carry " + type.getName()
                    + " across a hot swap: use JDK or element-api types");
        }
    }
}
