package io.tessera.crm.modules.internal;

import io.tessera.crm.api.AccessDeniedException;
import io.tessera.crm.api.Caller;
import io.tessera.crm.api.ConflictException;
import io.tessera.crm.api.CrmEvents;
import io.tessera.crm.api.NotFoundException;
import io.tessera.crm.api.Roles;
import io.tessera.crm.api.modules.LicenceDto;
import io.tessera.crm.api.modules.LicenceRequiredException;
import io.tessera.crm.api.modules.LicenceService;
import io.tessera.crm.api.modules.ModuleDto;
import io.tessera.crm.api.modules.ModuleService;
import io.tessera.crm.api.modules.ModuleState;
import io.tessera.crm.support.jpa.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
    static final EnumSet<FeaturesService.Option> NO_REFRESH = EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles);

    private static final Logger LOG = LoggerFactory.getLogger(ModuleServiceImpl.class);
    private static final Logger AUDIT = LoggerFactory.getLogger("tessera.audit");
    private static final int MAX_REASON = 1000;

    private final FeaturesService features;
    private final Transactions tx;
    private final EventAdmin events;
    private final BundleProbe bundles;
    private final Clock clock;
    private final ReentrantLock changing = new ReentrantLock();
    /** Modules being enabled or disabled right now: reads show their last recorded state and do not record. */
    private final Set<String> inProgress = ConcurrentHashMap.newKeySet();

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
        this.tx = new Transactions(emf);
        this.events = events;
        this.bundles = bundles;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- reading

    @Override
    public List<ModuleDto> list(Caller caller) {
        requireCrmUser(caller);
        Map<String, ModuleDescriptor> catalogue = ModuleCatalogue.read(features);
        Map<String, ModuleStateEntity> stored = loadStates();
        LicenceView licence = licenceView();
        List<ModuleDto> result = new ArrayList<>();
        for (ModuleDescriptor m : catalogue.values()) {
            result.add(dto(m, stored.get(m.id()), licence, List.of()));
        }
        return result;
    }

    @Override
    public ModuleDto get(Caller caller, String id) {
        requireCrmUser(caller);
        ModuleDescriptor m = find(ModuleCatalogue.read(features), id);
        return dto(m, loadState(m.id()), licenceView(), List.of());
    }

    // ---------------------------------------------------------------- enabling

    @Override
    public ModuleDto enable(Caller caller, String id) {
        requireAdmin(caller, "enable");
        changing.lock();
        try {
            Map<String, ModuleDescriptor> catalogue = ModuleCatalogue.read(features);
            ModuleDescriptor module = find(catalogue, id);
            List<ModuleDescriptor> plan = plan(module, catalogue);
            LicenceView licence = licenceView();
            for (ModuleDescriptor m : plan) {
                if (m.paid() && !licence.covers(m.id()) && !running(m)) {
                    throw licenceRequired(module, m);
                }
            }
            List<String> warnings = new ArrayList<>();
            if (running(module)) {
                warnings.add("module '" + module.id() + "' was already enabled");
            }
            for (ModuleDescriptor m : plan) {
                if (running(m)) {
                    continue;
                }
                String failure = install(caller, m);
                if (m == module) {
                    break;
                }
                if (failure != null) {
                    String reason = "module '" + m.id() + "', which it requires, failed: " + failure;
                    record(module.id(), ModuleState.FAILED, reason);
                    post(FAILED, caller, module, "Module " + module.name() + " could not be enabled: " + reason,
                            reason);
                    AUDIT.info("{} could not enable module {}: {}", caller.username(), module.id(), reason);
                    break;
                }
                warnings.add("enabled module '" + m.id() + "' too, which '" + module.id() + "' requires");
            }
            return dto(module, loadState(module.id()), licenceView(), warnings);
        } finally {
            changing.unlock();
        }
    }

    /** The modules to enable, required ones first (depth first), ending with {@code module} itself. */
    static List<ModuleDescriptor> plan(ModuleDescriptor module, Map<String, ModuleDescriptor> catalogue) {
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

    private static LicenceRequiredException licenceRequired(ModuleDescriptor asked, ModuleDescriptor unlicensed) {
        String howTo = "; install one with crm:license-install or PUT /api/v1/license";
        if (asked == unlicensed) {
            return new LicenceRequiredException(asked.id(), "module '" + asked.id()
                    + "' needs a licence that names it" + howTo);
        }
        return new LicenceRequiredException(unlicensed.id(), "module '" + asked.id() + "' requires module '"
                + unlicensed.id() + "', which needs a licence that names it" + howTo);
    }

    /** Installs one module's feature without refreshing anything; null when it runs, else why not (then FAILED). */
    private String install(Caller caller, ModuleDescriptor m) {
        inProgress.add(m.id());
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
                failure = describe(e);
            }
            if (failure == null) {
                record(m.id(), ModuleState.ENABLED, null);
                post(ENABLED, caller, m, "Module " + m.name() + " " + m.version() + " enabled", null);
                AUDIT.info("{} enabled module {}", caller.username(), m.id());
                return null;
            }
            LOG.warn("Enabling module {} (feature {}) failed: {}", m.id(), m.feature().getId(), failure);
            if (features.isInstalled(m.feature())) {
                try {
                    features.uninstallFeature(m.featureName(), NO_REFRESH);
                } catch (Exception e) {
                    failure = failure + "; uninstalling it again failed too: " + describe(e);
                    LOG.warn("Uninstalling the failed module {} again failed", m.id(), e);
                }
            }
            failure = cut(failure);
            record(m.id(), ModuleState.FAILED, failure);
            post(FAILED, caller, m, "Module " + m.name() + " could not be enabled: " + failure, failure);
            AUDIT.info("{} could not enable module {}: {}", caller.username(), m.id(), failure);
            return failure;
        } finally {
            inProgress.remove(m.id());
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
                ModuleStateEntity stored = loadState(module.id());
                if (stored != null && stored.getState() == ModuleState.FAILED) {
                    // clears the failed enable: the module is plainly available (or not licensed) again
                    record(module.id(), notRunningState(module, licenceView()), null);
                    AUDIT.info("{} cleared the failed module {}", caller.username(), module.id());
                } else {
                    warnings.add("module '" + module.id() + "' was not enabled");
                }
                return dto(module, loadState(module.id()), licenceView(), warnings);
            }
            inProgress.add(module.id());
            try {
                features.uninstallFeature(module.featureName(), NO_REFRESH);
                record(module.id(), notRunningState(module, licenceView()), null);
                post(DISABLED, caller, module, "Module " + module.name() + " " + module.version() + " disabled",
                        null);
                AUDIT.info("{} disabled module {}", caller.username(), module.id());
            } catch (Exception e) {
                // still installed, so still what it was (enabled, or failed with a bundle problem): say why
                String failure = cut("disabling failed: " + describe(e));
                LOG.warn("Disabling module {} (feature {}) failed", module.id(), module.feature().getId(), e);
                warnings.add(failure);
                post(FAILED, caller, module, "Module " + module.name() + " could not be disabled: " + failure,
                        failure);
                AUDIT.info("{} could not disable module {}: {}", caller.username(), module.id(), failure);
            } finally {
                inProgress.remove(module.id());
            }
            return dto(module, loadState(module.id()), licenceView(), warnings);
        } finally {
            changing.unlock();
        }
    }

    // ---------------------------------------------------------------- state

    /** The state and reason as the server is now. */
    private record Status(ModuleState state, String reason) {
    }

    private Status status(ModuleDescriptor m, ModuleStateEntity stored, LicenceView licence) {
        if (features.isInstalled(m.feature())) {
            String problem = bundles.problem(m.feature());
            return problem == null ? new Status(ModuleState.ENABLED, null)
                    : new Status(ModuleState.FAILED, cut(problem));
        }
        if (stored != null && stored.getState() == ModuleState.FAILED) {
            return new Status(ModuleState.FAILED, stored.getReason());
        }
        ModuleState state = notRunningState(m, licence);
        return new Status(state, state == ModuleState.NOT_LICENSED
                ? "needs a licence that names module '" + m.id() + "'" : null);
    }

    private static ModuleState notRunningState(ModuleDescriptor m, LicenceView licence) {
        return m.paid() && !licence.covers(m.id()) ? ModuleState.NOT_LICENSED : ModuleState.AVAILABLE;
    }

    private boolean running(ModuleDescriptor m) {
        return features.isInstalled(m.feature()) && bundles.problem(m.feature()) == null;
    }

    private ModuleDto dto(ModuleDescriptor m, ModuleStateEntity stored, LicenceView licence, List<String> extra) {
        Status now;
        Instant since;
        if (inProgress.contains(m.id()) && stored != null) {
            now = new Status(stored.getState(), stored.getReason());
            since = stored.getSince();
        } else {
            now = status(m, stored, licence);
            since = stored == null ? null : stored.getSince();
            if (stored == null || stored.getState() != now.state()) {
                since = recordQuietly(m.id(), now.state(), now.reason(), since);
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

    private Map<String, ModuleStateEntity> loadStates() {
        try {
            return tx.read(em -> em.createQuery("SELECT s FROM ModuleStateEntity s", ModuleStateEntity.class)
                    .getResultList().stream().collect(Collectors.toMap(ModuleStateEntity::getId, s -> s)));
        } catch (RuntimeException e) {
            LOG.warn("Cannot read the module states (since/reason left out): {}", e.toString());
            return new HashMap<>();
        }
    }

    private ModuleStateEntity loadState(String id) {
        try {
            return tx.read(em -> em.find(ModuleStateEntity.class, id));
        } catch (RuntimeException e) {
            LOG.warn("Cannot read the state of module {}: {}", id, e.toString());
            return null;
        }
    }

    /** Records a state change now. */
    private void record(String id, ModuleState state, String reason) {
        Instant now = clock.instant();
        tx.write(em -> {
            ModuleStateEntity e = em.find(ModuleStateEntity.class, id);
            if (e == null) {
                em.persist(new ModuleStateEntity(id, state, reason, now));
            } else if (e.getState() != state || !java.util.Objects.equals(e.getReason(), reason)) {
                e.set(state, reason, e.getState() == state ? e.getSince() : now);
            }
            return null;
        });
    }

    /** A change noticed while reading (a licence installed, a feature installed by hand...): best effort. */
    private Instant recordQuietly(String id, ModuleState state, String reason, Instant previousSince) {
        try {
            record(id, state, reason);
            ModuleStateEntity e = loadState(id);
            return e == null ? previousSince : e.getSince();
        } catch (RuntimeException e) {
            LOG.debug("Recording the state of module {} failed (another request did it?)", id, e);
            return previousSince;
        }
    }

    // ---------------------------------------------------------------- licence

    /** The licence as seen once per request. */
    private LicenceView licenceView() {
        LicenceService service = licences;
        if (service == null) {
            return new LicenceView(null, null, LocalDate.now(clock));
        }
        Optional<LicenceDto> current;
        try {
            current = service.current();
        } catch (RuntimeException e) {
            LOG.warn("The licence service failed; paid modules count as not licensed: {}", e.toString());
            return new LicenceView(null, null, LocalDate.now(clock));
        }
        return new LicenceView(service, current.orElse(null), LocalDate.now(clock));
    }

    private static final class LicenceView {
        private final LicenceService service;
        private final LicenceDto licence;
        private final LocalDate today;
        private final Map<String, Boolean> covered = new HashMap<>();

        LicenceView(LicenceService service, LicenceDto licence, LocalDate today) {
            this.service = service;
            this.licence = licence;
            this.today = today;
        }

        boolean covers(String id) {
            if (service == null) {
                return false;
            }
            return covered.computeIfAbsent(id, k -> {
                try {
                    return service.covers(k);
                } catch (RuntimeException e) {
                    LOG.warn("The licence service failed on module {}; counted as not licensed: {}", k, e.toString());
                    return false;
                }
            });
        }

        /** What a paid module's entry says about the licence. */
        List<String> warnings(ModuleDescriptor m, ModuleState state) {
            if (licence == null || licence.validUntil() == null || !names(m.id())) {
                return List.of();
            }
            LocalDate until = licence.validUntil();
            long days = ChronoUnit.DAYS.between(today, until);
            if (today.isAfter(until)) {
                return state == ModuleState.ENABLED
                        ? List.of("licence expired on " + until + "; the module is disabled at the next licence check"
                        + " (its data is kept)")
                        : List.of("licence expired on " + until);
            }
            if (licence.valid() && days <= EXPIRY_WARNING_DAYS) {
                return List.of("licence expires on " + until + " (" + (days == 0 ? "today" : days == 1
                        ? "in 1 day" : "in " + days + " days") + "); renew it to keep this module");
            }
            return List.of();
        }

        private boolean names(String id) {
            return licence.modules() != null && licence.modules().contains(id);
        }
    }

    // ---------------------------------------------------------------- helpers

    private void post(String action, Caller caller, ModuleDescriptor m, String summary, String reason) {
        Map<String, Object> props = new HashMap<>();
        props.put(CrmEvents.ENTITY, EVENT_ENTITY);
        props.put(CrmEvents.ID, m.id());
        props.put(CrmEvents.ACTOR, caller.username());
        props.put(CrmEvents.SUMMARY, summary);
        props.put(FEATURE, m.featureName());
        props.put(VERSION, m.version());
        if (reason != null) {
            props.put(REASON, reason);
        }
        props.put(CrmEvents.COMPANY_IDS, List.of());
        props.put(CrmEvents.CONTACT_IDS, List.of());
        props.put(CrmEvents.DEAL_IDS, List.of());
        try {
            events.postEvent(new Event(CrmEvents.topic(EVENT_ENTITY, action), props));
        } catch (RuntimeException e) {
            LOG.warn("Posting the {} event of module {} failed: {}", action, m.id(), e.toString());
        }
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

    /** The exception's message and, when it says more, its root cause's. */
    static String describe(Throwable e) {
        LinkedHashMap<String, Boolean> messages = new LinkedHashMap<>();
        Set<Throwable> seen = new java.util.HashSet<>();
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            String msg = t.getMessage();
            if (msg == null || msg.isBlank()) {
                continue;
            }
            boolean covered = messages.keySet().stream().anyMatch(known -> known.contains(msg.trim()));
            if (!covered) {
                messages.put(msg.trim(), Boolean.TRUE);
            }
        }
        if (messages.isEmpty()) {
            return e.getClass().getSimpleName();
        }
        return cut(String.join(": ", messages.keySet()));
    }

    private static String cut(String s) {
        return s == null || s.length() <= MAX_REASON ? s : s.substring(0, MAX_REASON - 1) + "\u2026";
    }
}
