package io.tessera.crm.modules.internal;

import io.tessera.crm.api.modules.LicenceDto;
import io.tessera.crm.api.modules.LicenceService;
import io.tessera.crm.api.Caller;
import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.karaf.features.Capability;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** Small in-memory stand-ins for Karaf's FeaturesService, the bundles, the licence and EventAdmin. */
final class Fakes {
    private Fakes() {
    }

    /** A feature with a name, version, description and capability texts; everything else is unsupported. */
    static Feature feature(String name, String version, String description, String... capabilities) {
        List<Capability> caps = new ArrayList<>();
        for (String c : capabilities) {
            caps.add(() -> c);
        }
        return (Feature) Proxy.newProxyInstance(Fakes.class.getClassLoader(), new Class<?>[]{Feature.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getName" -> name;
                    case "getVersion" -> version;
                    case "getId" -> name + "/" + version;
                    case "getDescription" -> description;
                    case "getCapabilities" -> caps;
                    case "toString" -> name + "/" + version;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException("Feature." + method.getName());
                });
    }

    /** One install/uninstall as the service asked for it. */
    record Call(String op, String name, String version, EnumSet<FeaturesService.Option> options) {
    }

    /**
     * The FeaturesService methods the module service calls; the others throw. Features are installed by name/version;
     * {@link #installFails} makes installing one throw (after marking it installed, as a half-done install would),
     * {@link #brokenBundles} gives a bundle problem while it is installed (see {@link #probe()}).
     */
    static final class Features {
        final List<Feature> all = new ArrayList<>();
        final Set<String> installed = new HashSet<>();
        final List<Call> calls = new ArrayList<>();
        final Map<String, String> installFails = new HashMap<>();
        final Map<String, String> uninstallFails = new HashMap<>();
        final Map<String, String> brokenBundles = new HashMap<>();
        /** Features whose bundle problem goes away when they are uninstalled (a start-over fixes them). */
        final Set<String> healOnUninstall = new HashSet<>();
        final FeaturesService service;

        Features(Feature... features) {
            all.addAll(List.of(features));
            service = (FeaturesService) Proxy.newProxyInstance(Fakes.class.getClassLoader(),
                    new Class<?>[]{FeaturesService.class}, (proxy, method, args) -> {
                        String m = method.getName();
                        Class<?>[] p = method.getParameterTypes();
                        if (m.equals("listFeatures") && p.length == 0) {
                            return all.toArray(new Feature[0]);
                        }
                        if (m.equals("isInstalled") && p.length == 1) {
                            return installed.contains(((Feature) args[0]).getId());
                        }
                        if (m.equals("installFeature") && p.length == 3 && p[1] == String.class) {
                            install((String) args[0], (String) args[1], options(args[2]));
                            return null;
                        }
                        if (m.equals("uninstallFeature") && p.length == 2 && p[1] == EnumSet.class) {
                            uninstall((String) args[0], options(args[1]));
                            return null;
                        }
                        if (m.equals("toString")) {
                            return "Features" + installed;
                        }
                        throw new UnsupportedOperationException("FeaturesService." + m + " with " + p.length
                                + " parameters");
                    });
        }

        @SuppressWarnings("unchecked")
        private static EnumSet<FeaturesService.Option> options(Object o) {
            return EnumSet.copyOf((EnumSet<FeaturesService.Option>) o);
        }

        private void install(String name, String version, EnumSet<FeaturesService.Option> options) throws Exception {
            calls.add(new Call("install", name, version, options));
            if (all.stream().noneMatch(f -> f.getName().equals(name) && f.getVersion().equals(version))) {
                throw new IllegalArgumentException("No matching features for " + name + "/" + version);
            }
            installed.add(name + "/" + version);
            String failure = installFails.get(name);
            if (failure != null) {
                throw new Exception("Error installing " + name, new IllegalStateException(failure));
            }
        }

        /** By name, as Karaf does without a version: every installed version of it goes. */
        private void uninstall(String name, EnumSet<FeaturesService.Option> options) throws Exception {
            calls.add(new Call("uninstall", name, null, options));
            String failure = uninstallFails.get(name);
            if (failure != null) {
                throw new Exception(failure);
            }
            if (healOnUninstall.contains(name)) {
                brokenBundles.remove(name);
            }
            if (!installed.removeIf(id -> id.startsWith(name + "/"))) {
                throw new IllegalArgumentException("Feature named '" + name + "/0.0.0' is not installed");
            }
        }

        boolean isInstalled(String name) {
            return installed.stream().anyMatch(id -> id.startsWith(name + "/"));
        }

        BundleProbe probe() {
            return feature -> brokenBundles.get(feature.getName());
        }
    }

    /** A licence service that covers the modules it is told to; {@link #licence} is what current() answers. */
    static final class Licences implements LicenceService {
        final Set<String> covered = new HashSet<>();
        LicenceDto licence;

        Licences covering(String... ids) {
            covered.addAll(List.of(ids));
            return this;
        }

        @Override
        public Optional<LicenceDto> current() {
            return Optional.ofNullable(licence);
        }

        @Override
        public LicenceDto install(Caller caller, String licenceText) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean covers(String moduleId) {
            return covered.contains(moduleId);
        }
    }

    static LicenceDto licence(LocalDate validUntil, boolean valid, String... modules) {
        return new LicenceDto("L-1", "Acme Kitchens", List.of(modules), validUntil, 10,
                java.time.Instant.parse("2026-01-01T00:00:00Z"), "key-1", valid, List.of());
    }

    /** Remembers every event posted or sent. */
    static final class Events implements EventAdmin {
        final List<Event> events = new ArrayList<>();

        @Override
        public synchronized void postEvent(Event event) {
            events.add(event);
        }

        @Override
        public synchronized void sendEvent(Event event) {
            events.add(event);
        }

        List<String> topics() {
            return events.stream().map(Event::getTopic).toList();
        }

        Map<String, Object> props(int i) {
            Event e = events.get(i);
            Map<String, Object> props = new LinkedHashMap<>();
            for (String n : e.getPropertyNames()) {
                if (!n.equals("event.topics")) {
                    props.put(n, e.getProperty(n));
                }
            }
            return props;
        }
    }
}
