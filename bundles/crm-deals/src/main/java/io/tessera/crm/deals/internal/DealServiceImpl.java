package io.tessera.crm.deals.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.ConflictException;
import io.tessera.crm.api.CrmEvents;
import io.tessera.crm.api.NotFoundException;
import io.tessera.crm.api.Page;
import io.tessera.crm.api.StaleVersionException;
import io.tessera.crm.api.ValidationException;
import io.tessera.crm.api.contacts.CompanyService;
import io.tessera.crm.api.contacts.ContactService;
import io.tessera.crm.api.deals.DealDto;
import io.tessera.crm.api.deals.DealInput;
import io.tessera.crm.api.deals.DealQuery;
import io.tessera.crm.api.deals.DealService;
import io.tessera.crm.api.deals.DealStatus;
import io.tessera.crm.api.deals.PipelineService;
import io.tessera.crm.api.deals.StageChange;
import io.tessera.crm.api.deals.StageKind;
import io.tessera.crm.api.security.UserService;
import io.tessera.crm.support.jpa.Cursors;
import io.tessera.crm.support.jpa.Transactions;
import io.tessera.crm.support.validation.Checks;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

/** Deals: create/update/move between stages, won/lost, archive/restore, lists. */
@Component(service = DealService.class)
public class DealServiceImpl implements DealService {
    static final int MAX_CONTACTS = 100;

    private final Transactions tx;
    private final EventAdmin events;
    private final CompanyService companies;
    private final ContactService contacts;
    private final UserService users;
    private final PipelineService pipelines;
    private final DefaultStage defaultStage = new DefaultStage();

    /**
     * The PipelineService reference also orders activation: the default pipeline exists before the first deal.
     */
    @Activate
    public DealServiceImpl(@Reference(target = "(osgi.unit.name=crm-deals)") EntityManagerFactory emf,
                           @Reference EventAdmin events, @Reference CompanyService companies,
                           @Reference ContactService contacts, @Reference UserService users,
                           @Reference PipelineService pipelines) {
        this.tx = new Transactions(emf);
        this.events = events;
        this.companies = companies;
        this.contacts = contacts;
        this.users = users;
        this.pipelines = pipelines;
    }

    // ---------------------------------------------------------------------------------------------------- reads

    @Override
    public DealDto get(Caller caller, long id) {
        return tx.read(em -> DealDtos.toDto(em, visible(em, caller, id)));
    }

    @Override
    public boolean isArchived(Caller caller, long id) {
        return tx.read(em -> visible(em, caller, id).isArchived());
    }

    @Override
    public Page<DealDto> list(Caller caller, DealQuery query) {
        DealQuery q = query == null ? DealQuery.all() : query;
        DealListQuery listQuery = new DealListQuery(caller, q);
        return tx.read(em -> {
            List<DealEntity> found = listQuery.run(em);
            Map<Long, List<StageChange>> histories = DealDtos.histories(em,
                    found.stream().map(DealEntity::getId).toList());
            List<DealDto> dtos = found.stream()
                    .map(d -> DealDtos.toDto(d, histories.getOrDefault(d.getId(), List.of()))).toList();
            return Cursors.page(dtos, q.paging());
        });
    }

    // --------------------------------------------------------------------------------------------------- writes

    @Override
    public DealDto create(Caller caller, DealInput input) {
        requireInput(input);
        DealEvents queued = new DealEvents();
        DealDto created = tx.write(em -> {
            Checks c = new Checks();
            String owner = checkFields(c, caller, input, null);
            StageEntity stage = resolveStage(em, c, input.pipelineId(), input.stageId(), null);
            checkLoss(c, stage, input, null);
            c.throwIfAny();

            Instant now = DealsData.now();
            DealEntity d = new DealEntity();
            applyFields(d, input, owner);
            d.setCreatedAt(now);
            d.setUpdatedAt(now);
            d.setArchived(false);
            enterStage(d, stage, input.lossReason(), input.lossComment(), now);
            em.persist(d);
            StageChangeEntity entered = new StageChangeEntity(d.getId(), null, stage.getId(), stage.getPipelineId(),
                    now, caller.username());
            em.persist(entered);
            em.flush();
            queued.add(CrmEvents.CREATED, caller.username(), d,
                    "Deal '" + d.getTitle() + "' created in " + stage.getName(), null);
            queueCloseEvent(queued, caller, d, null, stage);
            // a new deal's history is the stage it was created in: no need to read it back
            return DealDtos.toDto(d, List.of(DealDtos.stageChange(entered)));
        });
        queued.sendTo(events);
        return created;
    }

    @Override
    public DealDto update(Caller caller, long id, long expectedVersion, DealInput input) {
        requireInput(input);
        DealEvents queued = new DealEvents();
        DealDto updated = tx.write(em -> {
            DealEntity d = visible(em, caller, id);
            checkVersion(d, expectedVersion);
            requireLive(d);
            Checks c = new Checks();
            String owner = checkFields(c, caller, input, d);
            StageEntity stage = resolveStage(em, c, input.pipelineId(), input.stageId(), d);
            checkLoss(c, stage, input, d);
            c.throwIfAny();

            boolean stageMoves = stage.getId() != d.getStageId();
            boolean otherChanges = !Objects.equals(d.getTitle(), input.title().trim())
                    || !sameAmount(d.getAmount(), input.amount())
                    || !Objects.equals(d.getCurrency(), input.currency())
                    || !Objects.equals(d.getExpectedCloseDate(), input.expectedCloseDate())
                    || !Objects.equals(d.getOwner(), owner)
                    || !Objects.equals(d.getCompanyId(), input.companyId())
                    || !d.getContactIds().equals(contactList(input.contactIds()))
                    || !Objects.equals(d.getSource(), blankToNull(input.source()));
            if (!stageMoves && stage.getKind() == StageKind.LOST) {
                otherChanges |= !Objects.equals(d.getLossReason(), input.lossReason())
                        || !Objects.equals(d.getLossComment(), blankToNull(input.lossComment()));
            }
            if (!stageMoves && !otherChanges) {
                return DealDtos.toDto(em, d);
            }
            Instant now = DealsData.now();
            applyFields(d, input, owner);
            d.setUpdatedAt(now);
            Long from = d.getStageId();
            DealStatus before = d.getStatus();
            if (stageMoves) {
                enterStage(d, stage, input.lossReason(), input.lossComment(), now);
                em.persist(new StageChangeEntity(d.getId(), from, stage.getId(), stage.getPipelineId(), now,
                        caller.username()));
            } else if (stage.getKind() == StageKind.LOST) {
                d.setLossReason(input.lossReason());
                d.setLossComment(blankToNull(input.lossComment()));
            }
            em.flush();
            if (otherChanges) {
                queued.add(CrmEvents.UPDATED, caller.username(), d, "Deal '" + d.getTitle() + "' changed", null);
            }
            if (stageMoves) {
                queueMoveEvents(em, queued, caller, d, from, before, stage);
            }
            return DealDtos.toDto(em, d);
        });
        queued.sendTo(events);
        return updated;
    }

    @Override
    public DealDto moveToStage(Caller caller, long id, long expectedVersion, long stageId, String lossReason,
                               String lossComment) {
        DealEvents queued = new DealEvents();
        DealDto moved = tx.write(em -> {
            DealEntity d = visible(em, caller, id);
            checkVersion(d, expectedVersion);
            requireLive(d);
            if (d.getStageId() == stageId) {
                return DealDtos.toDto(em, d);
            }
            Checks c = new Checks();
            StageEntity stage = resolveStage(em, c, null, stageId, d);
            if (stage != null && stage.getKind() == StageKind.LOST) {
                checkLossReason(c, lossReason, null);
                c.maxLength("lossComment", lossComment, 1000);
            }
            c.throwIfAny();
            Instant now = DealsData.now();
            Long from = d.getStageId();
            DealStatus before = d.getStatus();
            enterStage(d, stage, lossReason, lossComment, now);
            d.setUpdatedAt(now);
            em.persist(new StageChangeEntity(d.getId(), from, stage.getId(), stage.getPipelineId(), now,
                    caller.username()));
            em.flush();
            queueMoveEvents(em, queued, caller, d, from, before, stage);
            return DealDtos.toDto(em, d);
        });
        queued.sendTo(events);
        return moved;
    }

    @Override
    public DealDto archive(Caller caller, long id) {
        DealEvents queued = new DealEvents();
        DealDto archived = tx.write(em -> {
            DealEntity d = visible(em, caller, id);
            if (!d.isArchived()) {
                d.setArchived(true);
                d.setUpdatedAt(DealsData.now());
                em.flush();
                queued.add(CrmEvents.ARCHIVED, caller.username(), d, "Deal '" + d.getTitle() + "' archived", null);
            }
            return DealDtos.toDto(em, d);
        });
        queued.sendTo(events);
        return archived;
    }

    @Override
    public DealDto restore(Caller caller, long id) {
        DealEvents queued = new DealEvents();
        DealDto restored = tx.write(em -> {
            DealEntity d = visible(em, caller, id);
            if (d.isArchived()) {
                StageEntity stage = em.find(StageEntity.class, d.getStageId());
                if (stage == null || stage.isRemoved()) {
                    throw new ConflictException("the stage of deal " + id
                            + " was removed from its pipeline; the deal cannot be restored into it");
                }
                d.setArchived(false);
                d.setUpdatedAt(DealsData.now());
                em.flush();
                queued.add(CrmEvents.RESTORED, caller.username(), d, "Deal '" + d.getTitle() + "' restored", null);
            }
            return DealDtos.toDto(em, d);
        });
        queued.sendTo(events);
        return restored;
    }

    // ------------------------------------------------------------------------------------------------ validation

    private static void requireInput(DealInput input) {
        if (input == null) {
            throw new ValidationException("body", "is required");
        }
    }

    private static void checkVersion(DealEntity d, long expectedVersion) {
        if (d.getVersion() != expectedVersion) {
            throw new StaleVersionException("deal", d.getId(), expectedVersion, d.getVersion());
        }
    }

    private static void requireLive(DealEntity d) {
        if (d.isArchived()) {
            throw new ConflictException("deal " + d.getId() + " is archived; restore it first");
        }
    }

    /**
     * Checks the plain fields and the references to other bundles' records (only those that change, so a deal
     * whose company was archived later can still be edited). Returns the owner to store.
     */
    private String checkFields(Checks c, Caller caller, DealInput in, DealEntity current) {
        c.required("title", in.title()).maxLength("title", trim(in.title()), 200);
        BigDecimal amount = in.amount();
        if (amount != null) {
            BigDecimal plain = amount.stripTrailingZeros();
            if (amount.signum() < 0) {
                c.add("amount", "must not be negative");
            } else if (plain.scale() > 2) {
                c.add("amount", "has more than 2 decimals");
            } else if (plain.precision() - plain.scale() > 15) {
                c.add("amount", "has more than 15 digits before the decimal point");
            }
            if (in.currency() == null) {
                c.add("currency", "is required with an amount");
            }
        } else if (in.currency() != null) {
            c.add("amount", "is required with a currency");
        }
        c.currency("currency", in.currency());
        LocalDate close = in.expectedCloseDate();
        if (close != null && (close.getYear() < 1900 || close.getYear() > 9999)) {
            c.add("expectedCloseDate", "must be between the years 1900 and 9999");
        }
        c.maxLength("source", trim(in.source()), 100);

        String owner = in.owner() == null || in.owner().isBlank() ? caller.username() : in.owner().trim();
        if (!caller.seesAll() && !owner.equals(caller.username())) {
            c.add("owner", "you may only give deals to yourself");
        } else if ((current == null || !owner.equals(current.getOwner())) && !users.exists(owner)) {
            c.add("owner", "no such user");
        }

        if (in.companyId() != null && (current == null || !in.companyId().equals(current.getCompanyId()))) {
            try {
                if (companies.isArchived(caller, in.companyId())) {
                    c.add("companyId", "the company is archived");
                }
            } catch (NotFoundException e) {
                c.add("companyId", "no such company");
            }
        }
        List<Long> contactIds = in.contactIds() == null ? List.of() : in.contactIds();
        c.maxSize("contactIds", contactIds, MAX_CONTACTS);
        Set<Long> seen = new HashSet<>();
        Collection<Long> linked = current == null ? List.of() : current.getContactIds();
        for (int i = 0; i < contactIds.size(); i++) {
            String field = "contactIds[" + i + "]";
            Long contactId = contactIds.get(i);
            if (contactId == null) {
                c.add(field, "is required");
            } else if (!seen.add(contactId)) {
                c.add(field, "is listed twice");
            } else if (!linked.contains(contactId)) {
                try {
                    if (contacts.isArchived(caller, contactId)) {
                        c.add(field, "the contact is archived");
                    }
                } catch (NotFoundException e) {
                    c.add(field, "no such contact");
                }
            }
        }
        return owner;
    }

    /**
     * The stage the deal goes to (or stays in). {@code current} is the deal being updated (null on create): with
     * neither id given it keeps its stage, with only its own pipeline given too.
     */
    private StageEntity resolveStage(EntityManager em, Checks c, Long pipelineId, Long stageId,
                                     DealEntity current) {
        if (stageId != null) {
            StageEntity stage = em.find(StageEntity.class, stageId);
            if (stage == null || stage.isRemoved()) {
                c.add("stageId", "no such stage");
                return null;
            }
            if (pipelineId != null && pipelineId != stage.getPipelineId()) {
                c.add("stageId", "belongs to another pipeline");
                return null;
            }
            boolean staying = current != null && current.getStageId() == stageId;
            PipelineEntity pipeline = em.find(PipelineEntity.class, stage.getPipelineId());
            if (!staying && (pipeline == null || pipeline.isArchived())) {
                c.add("stageId", "belongs to an archived pipeline");
                return null;
            }
            return stage;
        }
        if (pipelineId != null) {
            if (current != null && current.getPipelineId() == pipelineId) {
                return em.find(StageEntity.class, current.getStageId());
            }
            PipelineEntity pipeline = em.find(PipelineEntity.class, pipelineId);
            if (pipeline == null) {
                c.add("pipelineId", "no such pipeline");
                return null;
            }
            if (pipeline.isArchived()) {
                c.add("pipelineId", "is archived");
                return null;
            }
            return firstOpen(em, pipelineId);
        }
        if (current != null) {
            return em.find(StageEntity.class, current.getStageId());
        }
        StageEntity stage = defaultStage.find(em);
        if (stage == null) {
            throw new ConflictException("there is no default pipeline with an open stage; give pipelineId or stageId");
        }
        return stage;
    }

    private static StageEntity firstOpen(EntityManager em, long pipelineId) {
        StageEntity stage = DealsData.firstOpenStage(em, pipelineId);
        if (stage == null) {
            throw new ConflictException("pipeline " + pipelineId + " has no open stage");
        }
        return stage;
    }

    /** A LOST target needs a configured reason; a deal already lost may keep the reason it was lost for. */
    private void checkLoss(Checks c, StageEntity stage, DealInput in, DealEntity current) {
        if (stage == null || stage.getKind() != StageKind.LOST) {
            return;
        }
        String kept = current != null && current.getStageId() == stage.getId() ? current.getLossReason() : null;
        checkLossReason(c, in.lossReason(), kept);
        c.maxLength("lossComment", in.lossComment(), 1000);
    }

    private void checkLossReason(Checks c, String reason, String kept) {
        if (reason == null || reason.isBlank()) {
            c.add("lossReason", "is required when the deal is lost");
        } else if (!reason.equals(kept) && !pipelines.lossReasons().contains(reason)) {
            c.add("lossReason", "must be one of " + String.join(", ", pipelines.lossReasons()));
        }
    }

    // -------------------------------------------------------------------------------------------------- changes

    private static void applyFields(DealEntity d, DealInput in, String owner) {
        d.setTitle(in.title().trim());
        d.setAmount(in.amount() == null ? null : in.amount().setScale(2, RoundingMode.UNNECESSARY));
        d.setCurrency(in.currency());
        d.setExpectedCloseDate(in.expectedCloseDate());
        d.setOwner(owner);
        d.setCompanyId(in.companyId());
        List<Long> contactIds = contactList(in.contactIds());
        if (!d.getContactIds().equals(contactIds)) {
            d.setContactIds(contactIds);
        }
        d.setSource(blankToNull(in.source()));
    }

    /** The deal enters {@code stage}: pipeline, status, closing time and loss details follow the stage kind. */
    private static void enterStage(DealEntity d, StageEntity stage, String lossReason, String lossComment,
                                   Instant now) {
        DealStatus before = d.getStatus();
        d.setPipelineId(stage.getPipelineId());
        d.setStageId(stage.getId());
        switch (stage.getKind()) {
            case WON -> {
                d.setStatus(DealStatus.WON);
                if (before != DealStatus.WON || d.getClosedAt() == null) {
                    d.setClosedAt(now);
                }
                d.setLossReason(null);
                d.setLossComment(null);
            }
            case LOST -> {
                d.setStatus(DealStatus.LOST);
                if (before != DealStatus.LOST || d.getClosedAt() == null) {
                    d.setClosedAt(now);
                }
                d.setLossReason(lossReason);
                d.setLossComment(blankToNull(lossComment));
            }
            default -> {
                d.setStatus(DealStatus.OPEN);
                d.setClosedAt(null);
                d.setLossReason(null);
                d.setLossComment(null);
            }
        }
    }

    private static void queueMoveEvents(EntityManager em, DealEvents queued, Caller caller, DealEntity d,
                                        Long fromStageId, DealStatus before, StageEntity to) {
        StageEntity from = fromStageId == null ? null : em.find(StageEntity.class, fromStageId);
        String fromName = from == null ? "?" : from.getName();
        String toName = to.getName();
        if (from != null && from.getPipelineId() != to.getPipelineId()) {
            fromName = pipelineName(em, from.getPipelineId()) + " / " + fromName;
            toName = pipelineName(em, to.getPipelineId()) + " / " + toName;
        }
        queued.add(CrmEvents.STAGE_CHANGED, caller.username(), d,
                "Deal '" + d.getTitle() + "' moved from " + fromName + " to " + toName, fromStageId);
        if (to.getKind() == StageKind.OPEN && before != DealStatus.OPEN) {
            queued.add(CrmEvents.REOPENED, caller.username(), d,
                    "Deal '" + d.getTitle() + "' reopened in " + to.getName(), fromStageId);
        }
        queueCloseEvent(queued, caller, d, before, to);
    }

    private static void queueCloseEvent(DealEvents queued, Caller caller, DealEntity d, DealStatus before,
                                        StageEntity to) {
        if (to.getKind() == StageKind.WON && before != DealStatus.WON) {
            queued.add(CrmEvents.WON, caller.username(), d, "Deal '" + d.getTitle() + "' won", null);
        } else if (to.getKind() == StageKind.LOST && before != DealStatus.LOST) {
            queued.add(CrmEvents.LOST, caller.username(), d,
                    "Deal '" + d.getTitle() + "' lost: " + d.getLossReason(), null);
        }
    }

    private static String pipelineName(EntityManager em, long pipelineId) {
        PipelineEntity p = em.find(PipelineEntity.class, pipelineId);
        return p == null ? "?" : p.getName();
    }

    // -------------------------------------------------------------------------------------------------- helpers

    private static DealEntity visible(EntityManager em, Caller caller, long id) {
        DealEntity d = em.find(DealEntity.class, id);
        if (d == null || !caller.mayAccess(d.getOwner())) {
            throw new NotFoundException("deal", id);
        }
        return d;
    }

    private static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static List<Long> contactList(List<Long> ids) {
        return ids == null ? List.of() : List.copyOf(ids);
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
