package io.tessera.crm.deals.internal;

import io.tessera.crm.api.AccessDeniedException;
import io.tessera.crm.api.Caller;
import io.tessera.crm.api.ConflictException;
import io.tessera.crm.api.CrmEvents;
import io.tessera.crm.api.NotFoundException;
import io.tessera.crm.api.StaleVersionException;
import io.tessera.crm.api.deals.PipelineDto;
import io.tessera.crm.api.deals.PipelineInput;
import io.tessera.crm.api.deals.PipelineService;
import io.tessera.crm.api.deals.StageDto;
import io.tessera.crm.api.deals.StageInput;
import io.tessera.crm.api.deals.StageKind;
import io.tessera.crm.api.deals.TaskTemplate;
import io.tessera.crm.api.tasks.Priority;
import io.tessera.crm.support.jpa.Transactions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.PersistenceException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pipelines and their stages, and the configured loss reasons. Creates the default "Sales" pipeline on the first
 * activation against an empty database.
 */
@Component(service = PipelineService.class, configurationPid = PipelineServiceImpl.PID, immediate = true)
@Designate(ocd = DealsConfiguration.class)
public class PipelineServiceImpl implements PipelineService {
    public static final String PID = "io.tessera.crm.deals";
    static final String DEFAULT_PIPELINE_NAME = "Sales";
    private static final Logger LOG = LoggerFactory.getLogger(PipelineServiceImpl.class);

    private final Transactions tx;
    private final EventAdmin events;
    private volatile List<String> lossReasons;

    @Activate
    public PipelineServiceImpl(@Reference(target = "(osgi.unit.name=crm-deals)") EntityManagerFactory emf,
                               @Reference EventAdmin events, DealsConfiguration config) {
        this.tx = new Transactions(emf);
        this.events = events;
        this.lossReasons = parseLossReasons(config == null ? null : config.lossReasons());
        DealRowKeys.drop(emf);
        DealListIndex.create(emf);
        ensureDefaultPipeline();
    }

    @Modified
    void modified(DealsConfiguration config) {
        this.lossReasons = parseLossReasons(config == null ? null : config.lossReasons());
    }

    /**
     * The reasons from the configuration: each value may hold several separated by ';'; blanks and duplicates are
     * dropped; nothing left means the defaults.
     */
    static List<String> parseLossReasons(String[] values) {
        Set<String> reasons = new LinkedHashSet<>();
        if (values != null) {
            for (String value : values) {
                if (value == null) {
                    continue;
                }
                for (String part : value.split(";")) {
                    String reason = part.trim();
                    if (!reason.isEmpty() && reason.length() <= 200) {
                        reasons.add(reason);
                    }
                }
            }
        }
        return reasons.isEmpty() ? List.of(DealsConfiguration.DEFAULT_LOSS_REASONS) : List.copyOf(reasons);
    }

    @Override
    public List<String> lossReasons() {
        return lossReasons;
    }

    // ---------------------------------------------------------------------------------------------------- reads

    @Override
    public List<PipelineDto> list(Caller caller) {
        return tx.read(em -> {
            List<PipelineEntity> pipelines = em.createQuery("SELECT p FROM PipelineEntity p WHERE p.archived = false"
                    + " ORDER BY p.defaultPipeline DESC, p.name, p.id", PipelineEntity.class).getResultList();
            Map<Long, List<StageEntity>> stages = DealsData.stagesOf(em,
                    pipelines.stream().map(PipelineEntity::getId).toList());
            return pipelines.stream().map(p -> DealsData.toDto(p, stages.getOrDefault(p.getId(), List.of())))
                    .toList();
        });
    }

    @Override
    public PipelineDto get(Caller caller, long id) {
        return tx.read(em -> DealsData.toDto(find(em, id), DealsData.stagesOf(em, id)));
    }

    @Override
    public StageDto stage(long stageId) {
        return tx.read(em -> {
            StageEntity stage = em.find(StageEntity.class, stageId);
            if (stage == null || stage.isRemoved()) {
                throw new NotFoundException("stage", stageId);
            }
            return DealsData.toDto(stage);
        });
    }

    // --------------------------------------------------------------------------------------------------- writes

    @Override
    public PipelineDto create(Caller caller, PipelineInput input) {
        requireManager(caller);
        List<StageInput> stages = PipelineChecks.validate(input, Map.of());
        PipelineDto created = tx.write(em -> {
            String name = input.name().trim();
            checkNameFree(em, name, null);
            Instant now = DealsData.now();
            PipelineEntity p = new PipelineEntity();
            p.setName(name);
            p.setCreatedAt(now);
            p.setUpdatedAt(now);
            em.persist(p);
            List<StageEntity> saved = new ArrayList<>();
            for (int i = 0; i < stages.size(); i++) {
                StageEntity s = new StageEntity();
                s.setPipelineId(p.getId());
                apply(s, stages.get(i), i);
                em.persist(s);
                saved.add(s);
            }
            em.flush();
            return DealsData.toDto(p, saved);
        });
        send(CrmEvents.CREATED, caller, created, "Pipeline '" + created.name() + "' created");
        return created;
    }

    @Override
    public PipelineDto update(Caller caller, long id, long expectedVersion, PipelineInput input) {
        requireManager(caller);
        PipelineDto updated = tx.write(em -> {
            PipelineEntity p = find(em, id);
            if (p.getVersion() != expectedVersion) {
                throw new StaleVersionException("pipeline", id, expectedVersion, p.getVersion());
            }
            if (p.isArchived()) {
                throw new ConflictException("pipeline " + id + " is archived and cannot be changed");
            }
            Map<Long, StageEntity> current = DealsData.stagesOf(em, id).stream()
                    .collect(Collectors.toMap(StageEntity::getId, Function.identity()));
            List<StageInput> stages = PipelineChecks.validate(input, current);
            String name = input.name().trim();
            checkNameFree(em, name, id);

            Set<Long> kept = new HashSet<>();
            for (StageInput s : stages) {
                if (s.id() != null) {
                    kept.add(s.id());
                }
            }
            List<String> problems = new ArrayList<>();
            for (StageEntity old : current.values()) {
                long deals = DealsData.liveDealsInStage(em, old.getId());
                if (deals == 0) {
                    continue;
                }
                if (!kept.contains(old.getId())) {
                    problems.add("stage '" + old.getName() + "' still holds " + deals
                            + " deal(s); move them to another stage before removing it");
                }
            }
            for (StageInput s : stages) {
                if (s.id() != null) {
                    StageEntity old = current.get(s.id());
                    StageKind kind = s.kind() == null ? StageKind.OPEN : s.kind();
                    if (old.getKind() != kind && DealsData.liveDealsInStage(em, old.getId()) > 0) {
                        problems.add("stage '" + old.getName() + "' holds deals, so its kind cannot change from "
                                + old.getKind() + " to " + kind);
                    }
                }
            }
            if (!problems.isEmpty()) {
                throw new ConflictException(String.join("; ", problems));
            }
            for (StageEntity old : current.values()) {
                if (!kept.contains(old.getId())) {
                    old.setRemoved(true);
                }
            }
            List<StageEntity> saved = new ArrayList<>();
            for (int i = 0; i < stages.size(); i++) {
                StageInput in = stages.get(i);
                StageEntity s;
                if (in.id() != null) {
                    s = current.get(in.id());
                } else {
                    s = new StageEntity();
                    s.setPipelineId(id);
                }
                apply(s, in, i);
                if (in.id() == null) {
                    em.persist(s);
                }
                saved.add(s);
            }
            p.setName(name);
            p.setUpdatedAt(DealsData.now());
            em.flush();
            return DealsData.toDto(p, saved);
        });
        send(CrmEvents.UPDATED, caller, updated, "Pipeline '" + updated.name() + "' changed");
        return updated;
    }

    @Override
    public PipelineDto archive(Caller caller, long id) {
        requireManager(caller);
        boolean[] changed = {false};
        PipelineDto archived = tx.write(em -> {
            PipelineEntity p = find(em, id);
            if (!p.isArchived()) {
                if (p.isDefaultPipeline()) {
                    throw new ConflictException("the default pipeline cannot be archived");
                }
                long open = DealsData.openDealsInPipeline(em, id);
                if (open > 0) {
                    throw new ConflictException("pipeline '" + p.getName() + "' still holds " + open
                            + " open deal(s); move or close them first");
                }
                p.setArchived(true);
                p.setUpdatedAt(DealsData.now());
                em.flush();
                changed[0] = true;
            }
            return DealsData.toDto(p, DealsData.stagesOf(em, id));
        });
        if (changed[0]) {
            send(CrmEvents.ARCHIVED, caller, archived, "Pipeline '" + archived.name() + "' archived");
        }
        return archived;
    }

    // ---------------------------------------------------------------------------------------------- default data

    /** Creates the default pipeline when the database has none; safe to run any number of times, even concurrently. */
    final void ensureDefaultPipeline() {
        try {
            tx.write(em -> {
                if (em.find(DealSettingEntity.class, DealSettingEntity.DEFAULT_PIPELINE) != null) {
                    return null;
                }
                long pipelines = em.createQuery("SELECT COUNT(p) FROM PipelineEntity p", Long.class)
                        .getSingleResult();
                if (pipelines > 0) {
                    return null;
                }
                Instant now = DealsData.now();
                PipelineEntity p = new PipelineEntity();
                p.setName(DEFAULT_PIPELINE_NAME);
                p.setDefaultPipeline(true);
                p.setCreatedAt(now);
                p.setUpdatedAt(now);
                em.persist(p);
                List<StageInput> stages = List.of(
                        new StageInput(null, "New", 10, StageKind.OPEN, List.of()),
                        new StageInput(null, "Qualification", 20, StageKind.OPEN, List.of()),
                        new StageInput(null, "Measurements", 40, StageKind.OPEN,
                                List.of(new TaskTemplate("Visit the client", null, 24, Priority.HIGH))),
                        new StageInput(null, "Proposal", 60, StageKind.OPEN, List.of()),
                        new StageInput(null, "Negotiation", 80, StageKind.OPEN, List.of()),
                        new StageInput(null, "Won", 100, StageKind.WON, List.of()),
                        new StageInput(null, "Lost", 0, StageKind.LOST, List.of()));
                for (int i = 0; i < stages.size(); i++) {
                    StageEntity s = new StageEntity();
                    s.setPipelineId(p.getId());
                    apply(s, stages.get(i), i);
                    em.persist(s);
                }
                // The key is the primary key: a second node doing the same at the same moment fails here.
                em.persist(new DealSettingEntity(DealSettingEntity.DEFAULT_PIPELINE, Long.toString(p.getId())));
                em.flush();
                LOG.info("Created the default pipeline '{}' (id {})", DEFAULT_PIPELINE_NAME, p.getId());
                return null;
            });
        } catch (PersistenceException e) {
            // Another node created it at the same time; its transaction won.
            LOG.info("Default pipeline not created here ({}); another node created it", e.getMessage());
        }
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private static void requireManager(Caller caller) {
        if (!caller.seesAll()) {
            throw new AccessDeniedException("only admins and managers may change pipelines");
        }
    }

    private static PipelineEntity find(EntityManager em, long id) {
        PipelineEntity p = em.find(PipelineEntity.class, id);
        if (p == null) {
            throw new NotFoundException("pipeline", id);
        }
        return p;
    }

    private static void checkNameFree(EntityManager em, String name, Long self) {
        List<Long> clash = em.createQuery("SELECT p.id FROM PipelineEntity p WHERE LOWER(p.name) = :n"
                        + " AND p.archived = false", Long.class)
                .setParameter("n", name.toLowerCase(Locale.ROOT)).getResultList();
        if (clash.stream().anyMatch(other -> !other.equals(self))) {
            throw new ConflictException("a pipeline named '" + name + "' already exists");
        }
    }

    private static void apply(StageEntity s, StageInput in, int position) {
        StageKind kind = in.kind() == null ? StageKind.OPEN : in.kind();
        s.setName(in.name().trim());
        s.setKind(kind);
        s.setPosition(position);
        s.setProbability(in.probability() != null ? in.probability() : kind == StageKind.WON ? 100 : 0);
        List<TaskTemplateValue> templates = new ArrayList<>();
        if (in.taskTemplates() != null) {
            for (TaskTemplate t : in.taskTemplates()) {
                String description = t.description() == null || t.description().isBlank() ? null : t.description();
                templates.add(new TaskTemplateValue(t.title().trim(), description, t.dueInHours(),
                        t.priority() == null ? Priority.NORMAL : t.priority()));
            }
        }
        s.setTaskTemplates(templates);
    }

    private void send(String action, Caller caller, PipelineDto p, String summary) {
        Map<String, Object> props = new HashMap<>();
        props.put(CrmEvents.ENTITY, CrmEvents.PIPELINE);
        props.put(CrmEvents.ID, p.id());
        props.put(CrmEvents.ACTOR, caller.username());
        props.put(CrmEvents.SUMMARY, summary);
        props.put(CrmEvents.PIPELINE_ID, p.id());
        props.put(CrmEvents.COMPANY_IDS, List.of());
        props.put(CrmEvents.CONTACT_IDS, List.of());
        props.put(CrmEvents.DEAL_IDS, List.of());
        events.sendEvent(new Event(CrmEvents.topic(CrmEvents.PIPELINE, action), props));
    }
}
