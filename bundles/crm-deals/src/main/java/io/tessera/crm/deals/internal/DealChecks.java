package io.tessera.crm.deals.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.ConflictException;
import io.tessera.crm.api.NotFoundException;
import io.tessera.crm.api.contacts.CompanyService;
import io.tessera.crm.api.contacts.ContactService;
import io.tessera.crm.api.deals.DealInput;
import io.tessera.crm.api.deals.PipelineService;
import io.tessera.crm.api.deals.StageKind;
import io.tessera.crm.api.security.UserService;
import io.tessera.crm.support.validation.Checks;
import io.tessera.crm.support.validation.LinkedRecords;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.persistence.EntityManager;

/**
 * What {@link DealServiceImpl} checks of a deal's input before it writes: the fields, the owner, the company and
 * contacts it links to (through their services), the stage it goes to and the loss reason. Every problem is added to
 * the {@link Checks}, so one answer names every bad field.
 */
final class DealChecks {
    static final int MAX_CONTACTS = 100;

    private final CompanyService companies;
    private final ContactService contacts;
    private final UserService users;
    private final PipelineService pipelines;
    private final DefaultStage defaultStage = new DefaultStage();

    DealChecks(CompanyService companies, ContactService contacts, UserService users, PipelineService pipelines) {
        this.companies = companies;
        this.contacts = contacts;
        this.users = users;
        this.pipelines = pipelines;
    }

    /** What a create ({@code current} null) or an update may write once its input passed every check. */
    record Checked(String owner, StageEntity stage) {
    }

    /** The company and contacts deals link to, as their checks ask about them. */
    record Links(LinkedRecords companies, LinkedRecords contacts) {
    }

    /** For one write: each link asked of its service. */
    Links live(Caller caller) {
        return new Links(id -> companies.isArchived(caller, id), id -> contacts.isArchived(caller, id));
    }

    /** For a batch: the states of every company and contact the inputs link to, read in one call each. */
    Links of(Caller caller, List<DealInput> inputs) {
        Set<Long> companyIds = new HashSet<>();
        Set<Long> contactIds = new HashSet<>();
        for (DealInput in : inputs) {
            if (in != null && in.companyId() != null) {
                companyIds.add(in.companyId());
            }
            if (in != null && in.contactIds() != null) {
                in.contactIds().stream().filter(Objects::nonNull).forEach(contactIds::add);
            }
        }
        return new Links(LinkedRecords.read("company", companyIds, ids -> companies.archivedStates(caller, ids)),
                LinkedRecords.read("contact", contactIds, ids -> contacts.archivedStates(caller, ids)));
    }

    /** Every check of a create or update's input; throws all field errors at once. */
    Checked all(EntityManager em, Caller caller, DealInput in, DealEntity current, Links links) {
        Checks c = new Checks();
        String owner = checkFields(c, caller, in, current, links);
        StageEntity stage = resolveStage(em, c, in.pipelineId(), in.stageId(), current);
        checkLoss(c, stage, in, current);
        c.throwIfAny();
        return new Checked(owner, stage);
    }

    /**
     * Checks the plain fields and the references to other bundles' records (only those that change, so a deal
     * whose company was archived later can still be edited). Returns the owner to store.
     */
    String checkFields(Checks c, Caller caller, DealInput in, DealEntity current, Links links) {
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
                if (links.companies().isArchived(in.companyId())) {
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
                    if (links.contacts().isArchived(contactId)) {
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
    StageEntity resolveStage(EntityManager em, Checks c, Long pipelineId, Long stageId, DealEntity current) {
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
    void checkLoss(Checks c, StageEntity stage, DealInput in, DealEntity current) {
        if (stage == null || stage.getKind() != StageKind.LOST) {
            return;
        }
        String kept = current != null && current.getStageId() == stage.getId() ? current.getLossReason() : null;
        checkLossReason(c, in.lossReason(), kept);
        c.maxLength("lossComment", in.lossComment(), 1000);
    }

    void checkLossReason(Checks c, String reason, String kept) {
        if (reason == null || reason.isBlank()) {
            c.add("lossReason", "is required when the deal is lost");
        } else if (!reason.equals(kept) && !pipelines.lossReasons().contains(reason)) {
            c.add("lossReason", "must be one of " + String.join(", ", pipelines.lossReasons()));
        }
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }
}
