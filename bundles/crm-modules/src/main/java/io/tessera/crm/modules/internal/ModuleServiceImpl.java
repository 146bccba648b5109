package io.tessera.crm.modules.internal;

import io.tessera.crm.api.AccessDeniedException;
import io.tessera.crm.api.Caller;
import io.tessera.crm.api.ConflictException;
import io.tessera.crm.api.NotFoundException;
import io.tessera.crm.api.Roles;
import io.tessera.crm.api.modules.LicenceService;
import io.tessera.crm.api.modules.ModuleDto;
import io.tessera.crm.api.modules.ModuleService;
import io.tessera.crm.api.modules.ModuleState;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import javax.persistence.EntityManagerFactory;
import org.apache.karaf.features.FeaturesService;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.EventAdmin;

/**
 * The module catalogue over Karaf's FeaturesService.
 *
 * <p><b>State.</b> Karaf's installed features are the truth: a module is ENABLED when its feature is installed and
 * every bundle it starts is ACTIVE, FAILED (with the reason) when it is installed but a bundle is not, or when the
 * last attempt to enable it failed; otherwise NOT_LICENSED when it is paid and the licence in force does not cover
 * it (no {@link LicenceService} at all counts as no licence), else AVAILABLE. Karaf keeps its installed features in
 * {@code data/} across restarts, so the enabled set survives a restart without anything stored here. Table
 * {@code MOD_STATE} only remembers the last state seen per module and since when (and a failed enable's reason);
 * each read compares and records changes.
 *
 * <p><b>Enabling</b> installs the module's feature with {@link FeaturesService.Option#NoAutoRefreshBundles}, so no
 * bundle of the core is refreshed or restarted; modules it {@code requires} are enabled first (and the answer says
 * so in its warnings); names in {@code requires} that are not modules are parts of the core, always present. When a
 * bundle fails to start, the feature is uninstalled again and the module reported FAILED with the reason; the core
 * is not touched. <b>Disabling</b> uninstalls the feature the same way; the module's tables and data stay (when
 * uninstalling fails, the module stays as it is and the answer's warnings say why). Each
 * change is posted as {@code tessera/crm/module/ENABLED|DISABLED|FAILED} (properties id, actor, summary, feature,
 * version, reason) and written as one line to the {@code tessera.audit} log. Enabling and disabling run one at a
 * time.
 */
@Component(service = ModuleService.class, immediate = true)
public class ModuleServiceImpl implements ModuleService {
    /** Topic entity of the module events: {@code tessera/crm/module/ENABLED} etc. */
    public static final String EVENT_ENTITY = "module";
    public static final String ENABLED = "ENABLED";
    public static final String DISABLED = "DISABLED";
    public static final String FAILED = "FAILED";
    /** Event property: the feature ("crm-analytics"). */
    public static final String FEATURE = "feature";
    /** Event property: the module's version. */
    public static final String VERSION = "version";
    /** Event property: why it failed (FAILED only). */
    public static final String REASON = "reason";
    /** How many days ahead a licence's expiry is announced. */
    static final int EXPIRY_WARNING_DAYS = 14;

    private final FeaturesService features;
    private final Clock clock;
    private final ModuleStateStore store;
    private final ModuleStates states;
    private final ModuleEvents events;
    private final ModuleInstaller installer;
    private final ReentrantLock changing = new ReentrantLock();

    /** Provided by the licence component when it runs; without it paid modules count as not licensed. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile LicenceService licences;

    @Activate
    public ModuleServiceImpl(@Reference FeaturesService features,
                             @Reference(target = "(osgi.unit.name=crm-modules)") EntityManagerFactory emf,
                             @Reference EventAdmin events, BundleContext context) {
        this(features, emf, events, new OsgiBundleProbe(context), Clock.systemDefaultZone());
    }

    ModuleServiceImpl(FeaturesService features, EntityManagerFactory emf, EventAdmin events, BundleProbe bundles,
                      Clock clock) {
        this.features = features;
        this.clock = clock;
        this.store = new ModuleStateStore(emf, clock);
        this.states = new ModuleStates(features, bundles, store);
        this.events = new ModuleEvents(events);
        this.installer = new ModuleInstaller(features, bundles, store, states, this.events);
    }

    // ---------------------------------------------------------------- reading

    @Override
    public List<ModuleDto> list(Caller caller) {
        requireCrmUser(caller);
        Map<String, ModuleDescriptor> catalogue = ModuleCatalogue.read(features);
        Map<String, ModuleStateEntity> stored = store.loadAll();
        LicenceView licence = licenceView();
        List<ModuleDto> result = new ArrayList<>();
        for (ModuleDescriptor m : catalogue.values()) {
            result.add(states.dto(m, stored.get(m.id()), licence, List.of()));
        }
        return result;
    }

    @Override
    public ModuleDto get(Caller caller, String id) {
        requireCrmUser(caller);
        ModuleDescriptor m = find(ModuleCatalogue.read(features), id);
        return states.dto(m, store.load(m.id()), licenceView(), List.of());
    }

    // ---------------------------------------------------------------- enabling

    @Override
    public ModuleDto enable(Caller caller, String id) {
        requireAdmin(caller, "enable");
        changing.lock();
        try {
            Map<String, ModuleDescriptor> catalogue = ModuleCatalogue.read(features);
            ModuleDescriptor module = find(catalogue, id);
            List<ModuleDescriptor> plan = ModulePlan.modulesToEnable(module, catalogue);
            LicenceView licence = licenceView();
            for (ModuleDescriptor m : plan) {
                if (m.paid() && !licence.covers(m.id()) && !states.running(m)) {
                    throw ModulePlan.licenceRequired(module, m);
                }
            }
            List<String> warnings = new ArrayList<>();
            if (states.running(module)) {
                warnings.add("module '" + module.id() + "' was already enabled");
            }
            for (ModuleDescriptor m : plan) {
                if (states.running(m)) {
                    continue;
                }
                String failure = installer.install(caller, m);
                if (m == module) {
                    break;
                }
                if (failure != null) {
                    String reason = "module '" + m.id() + "', which it requires, failed: " + failure;
                    store.record(module.id(), ModuleState.FAILED, reason);
                    events.enableFailed(caller, module, reason);
                    break;
                }
                warnings.add("enabled module '" + m.id() + "' too, which '" + module.id() + "' requires");
            }
            return states.dto(module, store.load(module.id()), licenceView(), warnings);
        } finally {
            changing.unlock();
        }
    }

    // ---------------------------------------------------------------- disabling

    @Override
    public ModuleDto disable(Caller caller, String id) {
        requireAdmin(caller, "disable");
        changing.lock();
        try {
            Map<String, ModuleDescriptor> catalogue = ModuleCatalogue.read(features);
            ModuleDescriptor module = find(catalogue, id);
            List<String> dependents = catalogue.values().stream()
                    .filter(m -> m.requires().contains(module.id()) && features.isInstalled(m.feature()))
                    .map(ModuleDescriptor::id).collect(Collectors.toList());
            if (!dependents.isEmpty()) {
                throw new ConflictException("module '" + module.id() + "' is needed by enabled module"
                        + (dependents.size() == 1 ? " '" + dependents.get(0) + "'" : "s '"
                        + String.join("', '", dependents) + "'") + "; disable " + (dependents.size() == 1 ? "it"
                        : "them") + " first");
            }
            List<String> warnings = new ArrayList<>();
            if (!features.isInstalled(module.feature())) {
                ModuleStateEntity stored = store.load(module.id());
                if (stored != null && stored.getState() == ModuleState.FAILED) {
                    // clears the failed enable: the module is plainly available (or not licensed) again
                    store.record(module.id(), ModuleStates.notRunningState(module, licenceView()), null);
                    events.failureCleared(caller, module);
                } else {
                    warnings.add("module '" + module.id() + "' was not enabled");
                }
                return states.dto(module, store.load(module.id()), licenceView(), warnings);
            }
            String failure = installer.uninstall(caller, module, this::licenceView);
            if (failure != null) {
                warnings.add(failure);
            }
            return states.dto(module, store.load(module.id()), licenceView(), warnings);
        } finally {
            changing.unlock();
        }
    }

    // ---------------------------------------------------------------- helpers

    /** The licence as seen once per request. */
    private LicenceView licenceView() {
        return LicenceView.of(licences, clock);
    }

    private static ModuleDescriptor find(Map<String, ModuleDescriptor> catalogue, String id) {
        ModuleDescriptor m = id == null ? null : catalogue.get(id.trim());
        if (m == null) {
            throw new NotFoundException("module", id);
        }
        return m;
    }

    private static void requireCrmUser(Caller caller) {
        if (caller == null || !caller.isCrmUser()) {
            throw new AccessDeniedException("the module catalogue is for CRM users");
        }
    }

    private static void requireAdmin(Caller caller, String verb) {
        if (caller == null || !caller.isAdmin()) {
            throw new AccessDeniedException("only " + Roles.ADMIN + " may " + verb + " modules");
        }
    }
}
