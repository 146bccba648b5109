package io.tessera.crm.modules.internal;

import java.util.List;
import org.apache.karaf.features.Feature;

/**
 * A module as its feature declares it: the attributes of the feature's {@code tessera.crm.module} capability, plus the
 * feature itself. {@code requires} names other modules (enabled first, automatically) or parts of the core (always
 * there).
 */
record ModuleDescriptor(String id, String name, String description, boolean paid, List<String> requires,
                        Feature feature) {
    ModuleDescriptor {
        requires = List.copyOf(requires);
    }

    String featureName() {
        return feature.getName();
    }

    String version() {
        return feature.getVersion();
    }
}
