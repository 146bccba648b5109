package io.tessera.crm.deals.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.CrmEvents;
import io.tessera.crm.api.FieldError;
import io.tessera.crm.api.Page;
import io.tessera.crm.api.Paging;
import io.tessera.crm.api.Roles;
import io.tessera.crm.api.ValidationException;
import io.tessera.crm.api.deals.DealDto;
import io.tessera.crm.api.deals.DealInput;
import io.tessera.crm.api.deals.DealQuery;
import io.tessera.crm.api.deals.DealStatus;
import io.tessera.crm.api.deals.PipelineDto;
import io.tessera.crm.api.deals.StageDto;
import io.tessera.crm.api.deals.StageInput;
import io.tessera.crm.api.deals.StageKind;
import io.tessera.crm.support.testing.FakeCompanies;
import io.tessera.crm.support.testing.FakeContacts;
import io.tessera.crm.support.testing.FakeUsers;
import io.tessera.crm.support.testing.TestDatabase;
import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.persistence.EntityManagerFactory;
import org.junit.After;
import org.junit.Before;

/** A fresh database with the services of this bundle on it, fakes for the other bundles and a few callers. */
abstract class DealsFixture {
    static final Caller ADMIN = Caller.of("admin", Roles.ADMIN);
    static final Caller MANAGER = Caller.of("manager", Roles.MANAGER);
    static final Caller ANNA = Caller.of("anna", Roles.SALES);
    static final Caller BEN = Caller.of("ben", Roles.SALES);

    EntityManagerFactory emf;
    RecordingEventAdmin events;
    FakeCompanies companies;
    FakeContacts contacts;
    FakeUsers users;
    PipelineServiceImpl pipelines;
    DealServiceImpl deals;

    @Before
    public void openDatabase() {
        emf = TestDatabase.open("crm-deals");
        events = new RecordingEventAdmin();
        companies = new FakeCompanies().add(1, "anna", false).add(2, "ben", false).add(3, "anna", true);
        contacts = new FakeContacts().add(11, "anna", false).add(12, "anna", false).add(13, "ben", false)
                .add(14, "anna", true);
        users = new FakeUsers();
        pipelines = new PipelineServiceImpl(emf, events, config());
        deals = new DealServiceImpl(emf, events, companies, contacts, users, pipelines);
    }

    @After
    public void closeDatabase() {
        emf.close();
    }

    static DealsConfiguration config(String... lossReasons) {
        return new DealsConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return DealsConfiguration.class;
            }

            @Override
            public String[] lossReasons() {
                return lossReasons.length == 0 ? DealsConfiguration.DEFAULT_LOSS_REASONS : lossReasons;
            }
        };
    }

    PipelineDto sales() {
        return pipelines.list(ADMIN).stream().filter(PipelineDto::defaultPipeline).findFirst().orElseThrow();
    }

    StageDto stage(PipelineDto pipeline, String name) {
        return pipeline.stages().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no stage " + name));
    }

    static DealInput inputOf(DealDto d) {
        return new DealInput(d.title(), d.pipelineId(), d.stageId(), d.amount(), d.currency(), d.expectedCloseDate(),
                d.owner(), d.companyId(), d.contactIds(), d.source(), d.lossReason(), d.lossComment());
    }

    static DealQuery filter(String q, String owner, Long pipelineId, Long stageId, DealStatus status,
                            Long companyId, Long contactId, String lossReason, boolean archived) {
        return new DealQuery(q, owner, pipelineId, stageId, status, companyId, contactId, lossReason, archived,
                "title", Paging.FIRST);
    }

    static List<String> titles(Page<DealDto> page) {
        return page.items().stream().map(DealDto::title).toList();
    }

    static DealInput deal(String title) {
        return new DealInput(title, null, null, null, null, null, null, null, null, null, null, null);
    }

    static DealInput withStage(DealInput in, Long pipelineId, Long stageId) {
        return new DealInput(in.title(), pipelineId, stageId, in.amount(), in.currency(), in.expectedCloseDate(),
                in.owner(), in.companyId(), in.contactIds(), in.source(), in.lossReason(), in.lossComment());
    }

    static DealInput withAmount(DealInput in, String amount, String currency) {
        return new DealInput(in.title(), in.pipelineId(), in.stageId(), amount == null ? null : new BigDecimal(amount),
                currency, in.expectedCloseDate(), in.owner(), in.companyId(), in.contactIds(), in.source(),
                in.lossReason(), in.lossComment());
    }

    static DealInput withOwner(DealInput in, String owner) {
        return new DealInput(in.title(), in.pipelineId(), in.stageId(), in.amount(), in.currency(),
                in.expectedCloseDate(), owner, in.companyId(), in.contactIds(), in.source(), in.lossReason(),
                in.lossComment());
    }

    static DealInput withLinks(DealInput in, Long companyId, List<Long> contactIds) {
        return new DealInput(in.title(), in.pipelineId(), in.stageId(), in.amount(), in.currency(),
                in.expectedCloseDate(), in.owner(), companyId, contactIds, in.source(), in.lossReason(),
                in.lossComment());
    }

    static DealInput withLoss(DealInput in, String reason, String comment) {
        return new DealInput(in.title(), in.pipelineId(), in.stageId(), in.amount(), in.currency(),
                in.expectedCloseDate(), in.owner(), in.companyId(), in.contactIds(), in.source(), reason, comment);
    }

    static StageInput open(String name, int probability) {
        return new StageInput(null, name, probability, null, List.of());
    }

    static StageInput won() {
        return new StageInput(null, "Won", null, StageKind.WON, List.of());
    }

    static StageInput lost() {
        return new StageInput(null, "Lost", null, StageKind.LOST, List.of());
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

    static String topic(String action) {
        return CrmEvents.topic(CrmEvents.DEAL, action);
    }

    DealDto move(Caller who, DealDto d, StageDto to) {
        return deals.moveToStage(who, d.id(), d.version(), to.id(), null, null);
    }

    static DealInput retitled(DealInput in, String title) {
        return new DealInput(title, in.pipelineId(), in.stageId(), in.amount(), in.currency(), in.expectedCloseDate(),
                in.owner(), in.companyId(), in.contactIds(), in.source(), in.lossReason(), in.lossComment());
    }
}
