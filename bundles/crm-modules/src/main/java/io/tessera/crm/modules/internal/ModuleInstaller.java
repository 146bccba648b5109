package io.tessera.crm.modules.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.modules.ModuleState;
import java.util.EnumSet;
import java.util.function.Supplier;
import org.apache.karaf.features.FeaturesService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs and uninstalls one module's feature, so that no bundle of the core is refreshed or restarted, and
 * records, posts and audits what came of it. While it works on a module, reads show that module's last recorded
 * state.
 */
final class ModuleInstaller {
    static final EnumSet<FeaturesService.Option> NO_REFRESH = EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles);

    private static final Logger LOG = LoggerFactory.getLogger(ModuleInstaller.class);

    private final FeaturesService features;
    private final BundleProbe bundles;
    private final ModuleStateStore store;
    private final ModuleStates states;
    private final ModuleEvents events;

    ModuleInstaller(FeaturesService features, BundleProbe bundles, ModuleStateStore store, ModuleStates states,
                    ModuleEvents events) {
        this.features = features;
        this.bundles = bundles;
        this.store = store;
        this.states = states;
        this.events = events;
    }

    /** Installs one module's feature without refreshing anything; null when it runs, else why not (then FAILED). */
    String install(Caller caller, ModuleDescriptor m) {
        states.changeStarted(m.id());
        try {
            boolean retry = features.isInstalled(m.feature());
            String failure = null;
            try {
                if (retry) {
                    // installed but a bundle is not active: start over
                    features.uninstallFeature(m.featureName(), NO_REFRESH);
                }
                features.installFeature(m.featureName(), m.version(), NO_REFRESH);
                if (!features.isInstalled(m.feature())) {
                    failure = "feature " + m.feature().getId() + " was not installed";
                } else {
                    failure = bundles.problem(m.feature());
                }
            } catch (Exception e) {
                failure = FailureReasons.describe(e);
            }
            if (failure == null) {
                store.record(m.id(), ModuleState.ENABLED, null);
                events.enabled(caller, m);
                return null;
            }
            LOG.warn("Enabling module {} (feature {}) failed: {}", m.id(), m.feature().getId(), failure);
            if (features.isInstalled(m.feature())) {
                try {
                    features.uninstallFeature(m.featureName(), NO_REFRESH);
                } catch (Exception e) {
                    failure = failure + "; uninstalling it again failed too: " + FailureReasons.describe(e);
                    LOG.warn("Uninstalling the failed module {} again failed", m.id(), e);
                }
            }
            failure = FailureReasons.cut(failure);
            store.record(m.id(), ModuleState.FAILED, failure);
            events.enableFailed(caller, m, failure);
            return failure;
        } finally {
            states.changeEnded(m.id());
        }
    }

    /**
     * Uninstalls an installed module's feature without refreshing anything; null when done, else why not (then the
     * module stays as it is). {@code licence} is asked only once the feature is gone.
     */
    String uninstall(Caller caller, ModuleDescriptor module, Supplier<LicenceView> licence) {
        states.changeStarted(module.id());
        try {
            features.uninstallFeature(module.featureName(), NO_REFRESH);
            store.record(module.id(), ModuleStates.notRunningState(module, licence.get()), null);
            events.disabled(caller, module);
            return null;
        } catch (Exception e) {
            // still installed, so still what it was (enabled, or failed with a bundle problem): say why
            String failure = FailureReasons.cut("disabling failed: " + FailureReasons.describe(e));
            LOG.warn("Disabling module {} (feature {}) failed", module.id(), module.feature().getId(), e);
            events.disableFailed(caller, module, failure);
            return failure;
        } finally {
            states.changeEnded(module.id());
        }
    }
}
