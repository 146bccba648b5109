package io.tessera.crm.tasks.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.CrmEvents;
import io.tessera.crm.api.FieldError;
import io.tessera.crm.api.Page;
import io.tessera.crm.api.Paging;
import io.tessera.crm.api.Roles;
import io.tessera.crm.api.ValidationException;
import io.tessera.crm.api.tasks.Priority;
import io.tessera.crm.api.tasks.TaskDto;
import io.tessera.crm.api.tasks.TaskInput;
import io.tessera.crm.api.tasks.TaskQuery;
import io.tessera.crm.api.tasks.TaskStatus;
import io.tessera.crm.support.testing.FakeCompanies;
import io.tessera.crm.support.testing.FakeContacts;
import io.tessera.crm.support.testing.FakeUsers;
import io.tessera.crm.support.testing.FakeDeals;
import io.tessera.crm.support.testing.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.persistence.EntityManagerFactory;
import org.junit.After;
import org.junit.Before;

/**
 * A fresh database with the task service on it (on a clock standing at {@link #NOW}), fakes for the other bundles and
 * a few callers. Companies 1 (anna), 2 (ben), 3 (anna, archived); contacts 11, 12 (anna), 13 (ben), 14 (anna,
 * archived); deals 21 (anna, company 1), 22 (ben), 23 (anna, archived).
 */
abstract class TasksFixture {
    static final Caller ADMIN = Caller.of("admin", Roles.ADMIN);
    static final Caller MANAGER = Caller.of("manager", Roles.MANAGER);
    static final Caller ANNA = Caller.of("anna", Roles.SALES);
    static final Caller BEN = Caller.of("ben", Roles.SALES);
    static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    static final Instant TOMORROW_10 = Instant.parse("2026-11-24T10:00:00Z");

    /** The topic of a task event. */
    static String topic(String action) {
        return CrmEvents.topic(CrmEvents.TASK, action);
    }

    EntityManagerFactory emf;
    RecordingEventAdmin events;
    MutableClock clock;
    FakeCompanies companies;
    FakeContacts contacts;
    FakeDeals deals;
    FakeUsers users;
    TaskServiceImpl tasks;

    @Before
    public void openDatabase() {
        emf = TestDatabase.open("crm-tasks");
        events = new RecordingEventAdmin();
        clock = new MutableClock(NOW);
        companies = new FakeCompanies().add(1, "anna", false).add(2, "ben", false).add(3, "anna", true);
        contacts = new FakeContacts().add(11, "anna", false).add(12, "anna", false).add(13, "ben", false)
                .add(14, "anna", true);
        deals = new FakeDeals().add(21, "anna", 1L, false).add(22, "ben", null, false).add(23, "anna", null, true);
        users = new FakeUsers();
        tasks = new TaskServiceImpl(emf, events, companies, contacts, deals, users, clock);
    }

    @After
    public void closeDatabase() {
        emf.close();
    }

    static TaskQuery allQuery() {
        return io.tessera.crm.api.tasks.TaskQuery.all();
    }

    static TaskQuery q(String q, String assignee, TaskStatus status, Boolean overdue, Long companyId,
                               Long contactId, Long dealId, Long parentId, boolean archived, String sort) {
        return new TaskQuery(q, assignee, status, overdue, companyId, contactId, dealId, parentId, archived, sort,
                Paging.FIRST);
    }

    static List<String> titles(Page<TaskDto> page) {
        return page.items().stream().map(TaskDto::title).toList();
    }

    static In task(String title) {
        return new In(title);
    }

    static In inputOf(TaskDto t) {
        In in = new In(t.title());
        in.description = t.description();
        in.dueAt = t.dueAt();
        in.remindAt = t.remindAt();
        in.assignee = t.assignee();
        in.priority = t.priority();
        in.status = t.status();
        in.parentId = t.parentId();
        in.companyId = t.companyId();
        in.contactId = t.contactId();
        in.dealId = t.dealId();
        return in;
    }

    /** A TaskInput under construction. */
    static final class In {
        String title;
        String description;
        Instant dueAt;
        Instant remindAt;
        String assignee;
        Priority priority;
        TaskStatus status;
        Long parentId;
        Long companyId;
        Long contactId;
        Long dealId;

        In(String title) {
            this.title = title;
        }

        In title(String v) {
            title = v;
            return this;
        }

        In description(String v) {
            description = v;
            return this;
        }

        In due(Instant v) {
            dueAt = v;
            return this;
        }

        In remind(Instant v) {
            remindAt = v;
            return this;
        }

        In assignee(String v) {
            assignee = v;
            return this;
        }

        In priority(Priority v) {
            priority = v;
            return this;
        }

        In status(TaskStatus v) {
            status = v;
            return this;
        }

        In parent(Long v) {
            parentId = v;
            return this;
        }

        In company(Long v) {
            companyId = v;
            return this;
        }

        In contact(Long v) {
            contactId = v;
            return this;
        }

        In deal(Long v) {
            dealId = v;
            return this;
        }

        TaskInput build() {
            return new TaskInput(title, description, dueAt, remindAt, assignee, priority, status, parentId,
                    companyId, contactId, dealId);
        }
    }

    /** Runs {@code action}, expects a ValidationException and returns its fields in order. */
    static List<String> fieldsOf(Runnable action) {
        try {
            action.run();
        } catch (ValidationException e) {
            List<String> fields = new ArrayList<>();
            for (FieldError error : e.errors()) {
                fields.add(error.field());
            }
            return fields;
        }
        fail("expected a ValidationException");
        return null;
    }

    static void assertFields(Runnable action, String... fields) {
        assertEquals(Arrays.asList(fields), fieldsOf(action));
    }

    /** The message of the only error of a ValidationException. */
    static String messageOf(Runnable action) {
        try {
            action.run();
        } catch (ValidationException e) {
            assertEquals(1, e.errors().size());
            return e.errors().get(0).message();
        }
        fail("expected a ValidationException");
        return null;
    }
}
