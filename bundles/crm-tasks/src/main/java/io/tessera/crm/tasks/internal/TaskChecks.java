package io.tessera.crm.tasks.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.NotFoundException;
import io.tessera.crm.api.contacts.CompanyService;
import io.tessera.crm.api.contacts.ContactService;
import io.tessera.crm.api.deals.DealService;
import io.tessera.crm.api.security.UserService;
import io.tessera.crm.api.tasks.TaskInput;
import io.tessera.crm.support.validation.Checks;
import io.tessera.crm.support.validation.LinkedRecords;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;

/**
 * What {@link TaskServiceImpl} checks of a task's input before it writes: the fields, the assignee, the parent task
 * and the company, contact and deal it links to (through their services). Every problem is added to the
 * {@link Checks}, so one answer names every bad field.
 */
final class TaskChecks {
    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 10000;
    static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private final CompanyService companies;
    private final ContactService contacts;
    private final DealService deals;
    private final UserService users;

    TaskChecks(CompanyService companies, ContactService contacts, DealService deals, UserService users) {
        this.companies = companies;
        this.contacts = contacts;
        this.deals = deals;
        this.users = users;
    }

    /** The company, contact and deal tasks link to, as their checks ask about them. */
    record Links(LinkedRecords companies, LinkedRecords contacts, LinkedRecords deals) {
    }

    /** For one write: each link asked of its service. */
    Links live(Caller caller) {
        return new Links(id -> companies.isArchived(caller, id), id -> contacts.isArchived(caller, id),
                id -> deals.isArchived(caller, id));
    }

    /** For a batch: the states of every company, contact and deal the inputs link to, read in one call each. */
    Links of(Caller caller, List<TaskInput> inputs) {
        return new Links(
                LinkedRecords.read("company", ids(inputs, TaskInput::companyId),
                        ids -> companies.archivedStates(caller, ids)),
                LinkedRecords.read("contact", ids(inputs, TaskInput::contactId),
                        ids -> contacts.archivedStates(caller, ids)),
                LinkedRecords.read("deal", ids(inputs, TaskInput::dealId), ids -> deals.archivedStates(caller, ids)));
    }

    private static Set<Long> ids(List<TaskInput> inputs, Function<TaskInput, Long> link) {
        return inputs.stream().filter(Objects::nonNull).map(link).filter(Objects::nonNull)
                .collect(Collectors.toSet());
    }

    /**
     * Checks every field; references (assignee, parent, company, contact, deal) only when they change. Returns the
     * assignee to store.
     */
    String checkFields(EntityManager em, Checks c, Caller caller, TaskInput in, TaskEntity current, Links links) {
        c.required("title", in.title()).maxLength("title", trim(in.title()), MAX_TITLE);
        c.maxLength("description", TaskServiceImpl.blankToNull(in.description()), MAX_DESCRIPTION);
        checkInstant(c, "dueAt", in.dueAt());
        checkInstant(c, "remindAt", in.remindAt());
        if (in.dueAt() != null && in.remindAt() != null && in.remindAt().isAfter(in.dueAt())) {
            c.add("remindAt", "must not be after dueAt");
        }

        String assignee = in.assignee() == null || in.assignee().isBlank() ? caller.username() : in.assignee().trim();
        if (!caller.seesAll() && !assignee.equals(caller.username())) {
            c.add("assignee", "you may only assign tasks to yourself");
        } else if ((current == null || !assignee.equals(current.getAssignee())) && !users.exists(assignee)) {
            c.add("assignee", "no such user");
        }

        Long parentId = in.parentId();
        if (parentId != null && (current == null || !parentId.equals(current.getParentId()))) {
            TaskEntity parent = em.find(TaskEntity.class, parentId);
            if (current != null && parentId.equals(current.getId())) {
                c.add("parentId", "a task cannot be its own parent");
            } else if (parent == null || !caller.mayAccess(parent.getAssignee())) {
                c.add("parentId", "no such task");
            } else if (parent.isArchived()) {
                c.add("parentId", "the task is archived");
            } else if (parent.getParentId() != null) {
                c.add("parentId", "is a subtask itself; subtasks cannot have subtasks");
            } else if (current != null && hasSubtasks(em, current.getId())) {
                c.add("parentId", "this task has subtasks of its own; it cannot become a subtask");
            }
        }

        if (changes(in.companyId(), current == null ? null : current.getCompanyId())) {
            checkLink(c, "companyId", "company", () -> links.companies().isArchived(in.companyId()));
        }
        if (changes(in.contactId(), current == null ? null : current.getContactId())) {
            checkLink(c, "contactId", "contact", () -> links.contacts().isArchived(in.contactId()));
        }
        if (changes(in.dealId(), current == null ? null : current.getDealId())) {
            checkLink(c, "dealId", "deal", () -> links.deals().isArchived(in.dealId()));
        }
        return assignee;
    }

    private static boolean changes(Long wanted, Long stored) {
        return wanted != null && !wanted.equals(stored);
    }

    /** {@code archived} reads the linked record (throwing NotFoundException) and tells whether it is archived. */
    private static void checkLink(Checks c, String field, String what, Supplier<Boolean> archived) {
        try {
            if (archived.get()) {
                c.add(field, "the " + what + " is archived");
            }
        } catch (NotFoundException e) {
            c.add(field, "no such " + what);
        }
    }

    private static void checkInstant(Checks c, String field, Instant value) {
        if (value != null && (value.isBefore(EARLIEST) || value.isAfter(LATEST))) {
            c.add(field, "must be between the years 1900 and 9999");
        }
    }

    private static boolean hasSubtasks(EntityManager em, long id) {
        return em.createQuery("SELECT COUNT(t) FROM TaskEntity t WHERE t.parentId = :id", Long.class)
                .setParameter("id", id).getSingleResult() > 0;
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }
}
