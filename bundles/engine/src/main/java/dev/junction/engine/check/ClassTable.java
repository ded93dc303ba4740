package dev.junction.engine.check;

import dev.junction.engine.graph.Diagnostics;
import dev.junction.engine.graph.ElementClassCatalog;
import dev.junction.engine.graph.ElementClassInfo;
import dev.junction.engine.graph.FlatElement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Finds each element's class in the catalog, parsing each class's strings once. */
final class ClassTable {
    private ClassTable() {
    }

    /**
     * The parsed strings of each element's class, by element index, or {@code null} if some class is unknown.
     * Click's lexer reports an unknown class once, where it is first used, and then does not initialize the
     * router at all.
     */
    static ClassCodes[] resolve(List<FlatElement> elements, ElementClassCatalog catalog, Diagnostics diagnostics) {
        Map<String, ClassCodes> known = new HashMap<>();
        Set<String> unknown = new HashSet<>();
        ClassCodes[] codes = new ClassCodes[elements.size()];
        for (int e = 0; e < codes.length; e++) {
            FlatElement element = elements.get(e);
            String name = element.className();
            codes[e] = known.get(name);
            if (codes[e] != null || unknown.contains(name)) {
                continue;
            }
            ElementClassInfo info = catalog.find(name);
            if (info == null) {
                unknown.add(name);
                diagnostics.error(element.landmark(), "unknown element class '" + name + "'");
            } else {
                codes[e] = ClassCodes.of(info);
                known.put(name, codes[e]);
            }
        }
        return unknown.isEmpty() ? codes : null;
    }
}
