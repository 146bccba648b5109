package io.tessera.crm.modules.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.karaf.features.Capability;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.osgi.framework.Version;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The modules in Karaf's feature repositories: every feature with a capability in namespace
 * {@value #NAMESPACE}, e.g.
 * <pre>
 * &lt;capability&gt;tessera.crm.module;id=analytics;name="Analytics";description="Funnel, forecast, win rate";
 *     paid=true;requires:List&lt;String&gt;="deals"&lt;/capability&gt;
 * </pre>
 * Read afresh on every call, so a repository added at runtime (a third party's modules) shows up at once. When
 * several features declare the same module id (two versions of one feature), the installed one wins, then the
 * highest version. A feature whose capability cannot be read is logged and left out; it never hides the others.
 */
final class ModuleCatalogue {
    static final String NAMESPACE = "tessera.crm.module";
    private static final Logger LOG = LoggerFactory.getLogger(ModuleCatalogue.class);
    private static final String ID_PATTERN = "[a-z0-9][a-z0-9_-]{0,63}";

    private ModuleCatalogue() {
    }

    /** The modules by id, sorted by id. */
    static Map<String, ModuleDescriptor> read(FeaturesService features) {
        Feature[] all;
        try {
            all = features.listFeatures();
        } catch (Exception e) {
            throw new IllegalStateException("cannot list Karaf's features: " + e.getMessage(), e);
        }
        Map<String, ModuleDescriptor> byId = new TreeMap<>();
        for (Feature feature : all) {
            ModuleDescriptor module;
            try {
                module = describe(feature);
            } catch (IllegalArgumentException e) {
                LOG.warn("Feature {} declares a CRM module that cannot be read, left out: {}", feature.getId(),
                        e.getMessage());
                continue;
            }
            if (module == null) {
                continue;
            }
            ModuleDescriptor other = byId.get(module.id());
            if (other == null || preferred(features, module, other)) {
                if (other != null && !other.featureName().equals(module.featureName())) {
                    LOG.warn("Features {} and {} both declare CRM module '{}'; using {}", other.feature().getId(),
                            feature.getId(), module.id(), feature.getId());
                }
                byId.put(module.id(), module);
            }
        }
        return byId;
    }

    /** The module a feature declares, or null when it declares none. */
    static ModuleDescriptor describe(Feature feature) {
        List<? extends Capability> capabilities = feature.getCapabilities();
        if (capabilities == null) {
            return null;
        }
        for (Capability capability : capabilities) {
            for (CapabilityParser.Clause clause : CapabilityParser.parse(capability.getValue())) {
                if (NAMESPACE.equals(clause.namespace())) {
                    return fromAttributes(feature, clause.attributes());
                }
            }
        }
        return null;
    }

    private static ModuleDescriptor fromAttributes(Feature feature, Map<String, Object> attributes) {
        Object id = attributes.get("id");
        if (!(id instanceof String s) || !s.trim().matches(ID_PATTERN)) {
            throw new IllegalArgumentException("attribute 'id' must be a short lower-case name (" + ID_PATTERN
                    + "), is " + (id == null ? "missing" : "'" + id + "'"));
        }
        String moduleId = s.trim();
        String name = text(attributes.get("name"));
        String description = text(attributes.get("description"));
        if (description == null) {
            description = text(feature.getDescription());
        }
        return new ModuleDescriptor(moduleId, name == null ? moduleId : name, description,
                bool(attributes.get("paid"), "paid"), list(attributes.get("requires")), feature);
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String s = value.toString().trim();
        return s.isEmpty() ? null : s;
    }

    private static boolean bool(Object value, String name) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String s = value.toString().trim();
        if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(s);
        }
        throw new IllegalArgumentException("attribute '" + name + "' must be true or false, is '" + s + "'");
    }

    /** A List attribute, or a String one with comma-separated names; blanks and repeats dropped. */
    private static List<String> list(Object value) {
        Collection<?> items;
        if (value == null) {
            items = List.of();
        } else if (value instanceof Collection<?> c) {
            items = c;
        } else {
            items = List.of(value.toString().split(","));
        }
        Map<String, Boolean> names = new LinkedHashMap<>();
        for (Object item : items) {
            String n = item == null ? "" : item.toString().trim();
            if (!n.isEmpty()) {
                names.put(n, Boolean.TRUE);
            }
        }
        return new ArrayList<>(names.keySet());
    }

    private static boolean preferred(FeaturesService features, ModuleDescriptor candidate, ModuleDescriptor current) {
        boolean candidateInstalled = features.isInstalled(candidate.feature());
        boolean currentInstalled = features.isInstalled(current.feature());
        if (candidateInstalled != currentInstalled) {
            return candidateInstalled;
        }
        return compareVersions(candidate.version(), current.version()) > 0;
    }

    static int compareVersions(String a, String b) {
        try {
            return osgi(a).compareTo(osgi(b));
        } catch (IllegalArgumentException e) {
            return String.valueOf(a).compareTo(String.valueOf(b));
        }
    }

    /** "1.2.3-SNAPSHOT" and "1.2" as OSGi versions (1.2.3.SNAPSHOT, 1.2.0). */
    private static Version osgi(String v) {
        if (v == null || v.isBlank()) {
            return Version.emptyVersion;
        }
        String s = v.trim();
        int dash = s.indexOf('-');
        if (dash > 0) {
            String base = s.substring(0, dash);
            String qualifier = s.substring(dash + 1).replaceAll("[^A-Za-z0-9_-]", "_");
            Version b = Version.parseVersion(base);
            return new Version(b.getMajor(), b.getMinor(), b.getMicro(), qualifier);
        }
        return Version.parseVersion(s);
    }
}
