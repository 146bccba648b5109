package io.tessera.crm.modules.internal;

import io.tessera.crm.api.modules.ModuleDto;
import io.tessera.crm.api.modules.ModuleState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.karaf.features.FeaturesService;

/**
 * The state each module is in as the server is now, worked out as {@link ModuleServiceImpl} describes, and answered
 * as a {@link ModuleDto}. A change seen on the way is recorded in {@link ModuleStateStore}.
 */
final class ModuleStates {
    private final FeaturesService features;
    private final BundleProbe bundles;
    private final ModuleStateStore store;
    /** Modules being enabled or disabled right now: reads show their last recorded state and do not record. */
    private final Set<String> inProgress = ConcurrentHashMap.newKeySet();

    ModuleStates(FeaturesService features, BundleProbe bundles, ModuleStateStore store) {
        this.features = features;
        this.bundles = bundles;
        this.store = store;
    }

    void changeStarted(String id) {
        inProgress.add(id);
    }

    void changeEnded(String id) {
        inProgress.remove(id);
    }

    /** The state and reason as the server is now. */
    private record Status(ModuleState state, String reason) {
    }

    private Status status(ModuleDescriptor m, ModuleStateEntity stored, LicenceView licence) {
        if (features.isInstalled(m.feature())) {
            String problem = bundles.problem(m.feature());
            return problem == null ? new Status(ModuleState.ENABLED, null)
                    : new Status(ModuleState.FAILED, FailureReasons.cut(problem));
        }
        if (stored != null && stored.getState() == ModuleState.FAILED) {
            return new Status(ModuleState.FAILED, stored.getReason());
        }
        ModuleState state = notRunningState(m, licence);
        return new Status(state, state == ModuleState.NOT_LICENSED
                ? "needs a licence that names module '" + m.id() + "'" : null);
    }

    static ModuleState notRunningState(ModuleDescriptor m, LicenceView licence) {
        return m.paid() && !licence.covers(m.id()) ? ModuleState.NOT_LICENSED : ModuleState.AVAILABLE;
    }

    boolean running(ModuleDescriptor m) {
        return features.isInstalled(m.feature()) && bundles.problem(m.feature()) == null;
    }

    ModuleDto dto(ModuleDescriptor m, ModuleStateEntity stored, LicenceView licence, List<String> extra) {
        Status now;
        Instant since;
        if (inProgress.contains(m.id()) && stored != null) {
            now = new Status(stored.getState(), stored.getReason());
            since = stored.getSince();
        } else {
            now = status(m, stored, licence);
            since = stored == null ? null : stored.getSince();
            if (stored == null || stored.getState() != now.state()) {
                since = store.recordQuietly(m.id(), now.state(), now.reason(), since);
            }
        }
        boolean licensed = !m.paid() || licence.covers(m.id());
        List<String> warnings = new ArrayList<>(extra);
        if (m.paid()) {
            warnings.addAll(licence.warnings(m, now.state()));
        }
        return new ModuleDto(m.id(), m.featureName(), m.name(), m.description(), m.version(), m.paid(), licensed,
                now.state(), now.reason(), since, m.requires(), List.copyOf(warnings));
    }
}
