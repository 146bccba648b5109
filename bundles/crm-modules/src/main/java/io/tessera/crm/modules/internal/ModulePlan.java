package io.tessera.crm.modules.internal;

import io.tessera.crm.api.ConflictException;
import io.tessera.crm.api.modules.LicenceRequiredException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** The order in which a module and the modules it requires are enabled, and why such a plan cannot go ahead. */
final class ModulePlan {
    private ModulePlan() {
    }

    /** The modules to enable, required ones first (depth first), ending with {@code module} itself. */
    static List<ModuleDescriptor> modulesToEnable(ModuleDescriptor module, Map<String, ModuleDescriptor> catalogue) {
        LinkedHashSet<ModuleDescriptor> ordered = new LinkedHashSet<>();
        visit(module, catalogue, ordered, new ArrayList<>());
        return new ArrayList<>(ordered);
    }

    private static void visit(ModuleDescriptor m, Map<String, ModuleDescriptor> catalogue,
                              LinkedHashSet<ModuleDescriptor> ordered, List<String> path) {
        if (ordered.contains(m)) {
            return;
        }
        if (path.contains(m.id())) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(m.id()), path.size()));
            cycle.add(m.id());
            throw new ConflictException("modules require each other in a circle: " + String.join(" -> ", cycle)
                    + "; none of them can be enabled");
        }
        path.add(m.id());
        for (String required : m.requires()) {
            ModuleDescriptor r = catalogue.get(required);
            if (r != null) { // not a module: a part of the core, always there
                visit(r, catalogue, ordered, path);
            }
        }
        path.remove(path.size() - 1);
        ordered.add(m);
    }

    static LicenceRequiredException licenceRequired(ModuleDescriptor asked, ModuleDescriptor unlicensed) {
        String howTo = "; install one with crm:license-install or PUT /api/v1/license";
        if (asked == unlicensed) {
            return new LicenceRequiredException(asked.id(), "module '" + asked.id()
                    + "' needs a licence that names it" + howTo);
        }
        return new LicenceRequiredException(unlicensed.id(), "module '" + asked.id() + "' requires module '"
                + unlicensed.id() + "', which needs a licence that names it" + howTo);
    }
}
