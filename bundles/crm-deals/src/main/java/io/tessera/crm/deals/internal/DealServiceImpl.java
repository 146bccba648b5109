package io.tessera.crm.deals.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.ConflictException;
import io.tessera.crm.api.CrmEvents;
import io.tessera.crm.api.NotFoundException;
import io.tessera.crm.api.Page;
import io.tessera.crm.api.StaleVersionException;
import io.tessera.crm.api.ValidationException;
import io.tessera.crm.api.contacts.BatchResult;
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
import io.tessera.crm.support.jpa.BatchItems;
import io.tessera.crm.support.jpa.ArchivedStatesQuery;
import io.tessera.crm.support.jpa.Transactions;
import io.tessera.crm.support.validation.Checks;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

/** Deals: create/update/move between stages, won/lost, archive/restore, lists. */
@Component(service = DealService.class)
public class DealServiceImpl implements DealService {
    private final Transactions tx;
    private final EventAdmin events;
    private final DealChecks checks;

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
        this.checks = new DealChecks(companies, contacts, users, pipelines);
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
    public Map<Long, Boolean> archivedStates(Caller caller, Collection<Long> ids) {
        return tx.read(em -> ArchivedStatesQuery.read(em, caller, "DealEntity", ids));
    }

    @Override
    public Page<DealDto> list(Caller caller, DealQuery query) {
        DealQuery q = query == null ? DealQuery.all() : query;
        DealListQuery listQuery = new DealListQuery(caller, q);
        return tx.read(em -> listQuery.page(em, found -> {
            Map<Long, List<StageChange>> histories = DealDtos.histories(em,
                    found.stream().map(DealEntity::getId).toList());
            return found.stream().map(d -> DealDtos.toDto(d, histories.getOrDefault(d.getId(), List.of()))).toList();
        }));
    }

    // --------------------------------------------------------------------------------------------------- writes

    @Override
    public DealDto create(Caller caller, DealInput input) {
        DealEvents queued = new DealEvents();
        DealDto created = tx.write(em -> {
            NewDeal deal = persistNew(em, caller, input, checks.live(caller));
            em.flush();
            return announce(deal, caller, queued);
        });
        queued.sendTo(events);
        return created;
    }

    @Override
    public List<BatchResult> createAll(Caller caller, List<DealInput> inputs) {
        DealEvents queued = new DealEvents();
        DealChecks.Links links = checks.of(caller, inputs);
        List<BatchResult> results = tx.write(em -> BatchItems.writeEach(em, inputs,
                input -> persistNew(em, caller, input, links),
                deal -> BatchResult.ok(announce(deal, caller, queued).id(), deal.deal().getVersion())));
        queued.postBatches(events);
        return results;
    }

    /** A deal persisted in this transaction with the stage it was created in. */
    private record NewDeal(DealEntity deal, StageEntity stage, StageChangeEntity entered) {
    }

    /** Checks the input as {@link #create} does and persists the deal and its first stage entry (not flushed). */
    private NewDeal persistNew(EntityManager em, Caller caller, DealInput input, DealChecks.Links links) {
        requireInput(input);
        DealChecks.Checked checked = checks.all(em, caller, input, null, links);
        String owner = checked.owner();
        StageEntity stage = checked.stage();

        Instant now = DealsData.now();
        DealEntity d = new DealEntity();
        applyFields(d, input, owner);
        d.setCreatedAt(now);
        d.setUpdatedAt(now);
        d.setArchived(false);
        StageMoves.enterStage(d, stage, input.lossReason(), input.lossComment(), now);
        em.persist(d);
        StageChangeEntity entered = new StageChangeEntity(d.getId(), null, stage.getId(), stage.getPipelineId(),
                now, caller.username());
        em.persist(entered);
        return new NewDeal(d, stage, entered);
    }

    /** Once flushed: queues the new deal's events and answers its DTO. */
    private static DealDto announce(NewDeal n, Caller caller, DealEvents queued) {
        DealEntity d = n.deal();
        queued.add(CrmEvents.CREATED, caller.username(), d,
                "Deal '" + d.getTitle() + "' created in " + n.stage().getName(), null);
        StageMoves.queueCloseEvent(queued, caller, d, null, n.stage());
        // a new deal's history is the stage it was created in: no need to read it back
        return DealDtos.toDto(d, List.of(DealDtos.stageChange(n.entered())));
    }

    @Override
    public DealDto update(Caller caller, long id, long expectedVersion, DealInput input) {
        requireInput(input);
        DealEvents queued = new DealEvents();
        DealDto updated = tx.write(em -> {
            DealEntity d = visible(em, caller, id);
            checkVersion(d, expectedVersion);
            requireLive(d);
            DealChecks.Checked checked = checks.all(em, caller, input, d, checks.live(caller));
            String owner = checked.owner();
            StageEntity stage = checked.stage();

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
                StageMoves.enterStage(d, stage, input.lossReason(), input.lossComment(), now);
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
                StageMoves.queueMoveEvents(em, queued, caller, d, from, before, stage);
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
            StageEntity stage = checks.resolveStage(em, c, null, stageId, d);
            if (stage != null && stage.getKind() == StageKind.LOST) {
                checks.checkLossReason(c, lossReason, null);
                c.maxLength("lossComment", lossComment, 1000);
            }
            c.throwIfAny();
            Instant now = DealsData.now();
            Long from = d.getStageId();
            DealStatus before = d.getStatus();
            StageMoves.enterStage(d, stage, lossReason, lossComment, now);
            d.setUpdatedAt(now);
            em.persist(new StageChangeEntity(d.getId(), from, stage.getId(), stage.getPipelineId(), now,
                    caller.username()));
            em.flush();
            StageMoves.queueMoveEvents(em, queued, caller, d, from, before, stage);
            return DealDtos.toDto(em, d);
        });
        queued.sendTo(events);
        return moved;
    }

    @Override
    public DealDto archive(Caller caller, long id) {
        DealEvents queued = new DealEvents();
        DealDto archived = tx.write(em -> {
            Archival a = Archival.of(visible(em, caller, id), DealsData.now());
            if (a.changed()) {
                em.flush();
                a.queueEvent(queued, caller);
            }
            return DealDtos.toDto(em, a.deal());
        });
        queued.sendTo(events);
        return archived;
    }

    @Override
    public List<BatchResult> archiveAll(Caller caller, List<Long> ids) {
        DealEvents queued = new DealEvents();
        Instant now = DealsData.now();
        List<BatchResult> results = tx.write(em -> BatchItems.writeEach(em, ids,
                id -> Archival.of(visible(em, caller, requireId(id)), now),
                a -> {
                    if (a.changed()) {
                        a.queueEvent(queued, caller);
                    }
                    return BatchResult.ok(a.deal().getId(), a.deal().getVersion());
                }));
        queued.postBatches(events);
        return results;
    }

    /** A deal being archived; {@code changed} is false when it was archived already. */
    private record Archival(DealEntity deal, boolean changed) {
        static Archival of(DealEntity d, Instant now) {
            if (d.isArchived()) {
                return new Archival(d, false);
            }
            d.setArchived(true);
            d.setUpdatedAt(now);
            return new Archival(d, true);
        }

        void queueEvent(DealEvents queued, Caller caller) {
            queued.add(CrmEvents.ARCHIVED, caller.username(), deal, "Deal '" + deal.getTitle() + "' archived", null);
        }
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

    private static long requireId(Long id) {
        if (id == null) {
            throw new ValidationException("id", "is required");
        }
        return id;
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

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
