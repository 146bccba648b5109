package io.tessera.crm.deals.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.tessera.crm.api.ConflictException;
import io.tessera.crm.api.CrmEvents;
import io.tessera.crm.api.NotFoundException;
import io.tessera.crm.api.StaleVersionException;
import io.tessera.crm.api.ValidationException;
import io.tessera.crm.api.deals.DealDto;
import io.tessera.crm.api.deals.DealInput;
import io.tessera.crm.api.deals.DealQuery;
import io.tessera.crm.api.deals.DealStatus;
import io.tessera.crm.api.deals.PipelineDto;
import io.tessera.crm.api.deals.PipelineInput;
import io.tessera.crm.api.deals.StageChange;
import io.tessera.crm.api.deals.StageDto;
import io.tessera.crm.api.deals.StageInput;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.Test;
import org.osgi.service.event.Event;

public class DealServiceImplTest extends DealsFixture {
    // ------------------------------------------------------------------------------------------------- create

    /** The default stage is kept between deals (DefaultStage): a change of the default pipeline must be seen. */
    @Test
    public void aDealWithoutStageFollowsChangesToTheDefaultPipelinesStages() {
        PipelineDto sales = sales();
        assertEquals(stage(sales, "New").id(), deals.create(ANNA, deal("Before")).stageId());

        List<StageInput> withLead = new ArrayList<>();
        withLead.add(open("Lead", 5));
        sales.stages().forEach(s -> withLead.add(new StageInput(s.id(), s.name(), s.probability(), s.kind(),
                s.taskTemplates())));
        PipelineDto led = pipelines.update(ADMIN, sales.id(), sales.version(), new PipelineInput(sales.name(), withLead));
        assertEquals(stage(led, "Lead").id(), deals.create(ANNA, deal("After a stage was added")).stageId());

        List<StageInput> leadSecond = new ArrayList<>(led.stages().stream()
                .map(s -> new StageInput(s.id(), s.name(), s.probability(), s.kind(), s.taskTemplates())).toList());
        leadSecond.add(1, leadSecond.remove(0));
        pipelines.update(ADMIN, led.id(), led.version(), new PipelineInput(led.name(), leadSecond));
        assertEquals(stage(sales, "New").id(), deals.create(ANNA, deal("After it was moved back")).stageId());
    }

    @Test
    public void createPutsTheDealIntoTheFirstStageOfTheDefaultPipeline() {
        PipelineDto sales = sales();
        DealDto d = deals.create(ANNA, deal(" Kitchen "));
        assertEquals("Kitchen", d.title());
        assertEquals(sales.id(), d.pipelineId());
        assertEquals(stage(sales, "New").id(), d.stageId());
        assertEquals(DealStatus.OPEN, d.status());
        assertEquals("anna", d.owner());
        assertNull(d.amount());
        assertNull(d.companyId());
        assertEquals(List.of(), d.contactIds());
        assertNull(d.closedAt());
        assertFalse(d.archived());
        assertNotNull(d.createdAt());
        assertEquals(d.createdAt(), d.updatedAt());
        assertEquals(1, d.stageHistory().size());
        StageChange first = d.stageHistory().get(0);
        assertNull(first.fromStageId());
        assertEquals(d.stageId(), first.toStageId());
        assertEquals(sales.id(), first.pipelineId());
        assertEquals("anna", first.by());
        assertEquals(d.createdAt(), first.at());
        assertEquals(d, deals.get(ANNA, d.id()));

        Event created = events.only(topic(CrmEvents.CREATED));
        assertEquals(CrmEvents.DEAL, created.getProperty(CrmEvents.ENTITY));
        assertEquals(d.id(), created.getProperty(CrmEvents.ID));
        assertEquals("anna", created.getProperty(CrmEvents.ACTOR));
        assertEquals("anna", created.getProperty(CrmEvents.OWNER));
        assertEquals(sales.id(), created.getProperty(CrmEvents.PIPELINE_ID));
        assertEquals(d.stageId(), created.getProperty(CrmEvents.STAGE_ID));
        assertEquals(List.of(), created.getProperty(CrmEvents.COMPANY_IDS));
        assertEquals(List.of(), created.getProperty(CrmEvents.CONTACT_IDS));
        assertEquals(List.of(d.id()), created.getProperty(CrmEvents.DEAL_IDS));
        assertEquals("Deal 'Kitchen' created in New", created.getProperty(CrmEvents.SUMMARY));
    }

    @Test
    public void createWithEveryField() {
        DealInput in = new DealInput("Bathroom", null, null, new BigDecimal("1500.5"), "EUR",
                LocalDate.of(2027, 3, 31), null, 1L, List.of(12L, 11L), " website ", null, null);
        DealDto d = deals.create(ANNA, in);
        assertEquals(new BigDecimal("1500.50"), d.amount());
        assertEquals("EUR", d.currency());
        assertEquals(LocalDate.of(2027, 3, 31), d.expectedCloseDate());
        assertEquals(Long.valueOf(1), d.companyId());
        assertEquals(List.of(12L, 11L), d.contactIds());
        assertEquals("website", d.source());
        assertEquals(d, deals.get(MANAGER, d.id()));
        Event created = events.only(topic(CrmEvents.CREATED));
        assertEquals(List.of(1L), created.getProperty(CrmEvents.COMPANY_IDS));
        assertEquals(List.of(12L, 11L), created.getProperty(CrmEvents.CONTACT_IDS));
        // A manager may give a deal to somebody else.
        DealDto forBen = deals.create(MANAGER, withOwner(deal("For Ben"), "ben"));
        assertEquals("ben", forBen.owner());
        assertEquals(new BigDecimal("0.00"), deals.create(ADMIN, withAmount(deal("Free"), "0", "USD")).amount());
        assertEquals(new BigDecimal("999999999999999.99"),
                deals.create(ADMIN, withAmount(deal("Huge"), "999999999999999.99", "USD")).amount());
    }

    @Test
    public void validationNamesEveryFieldAndWritesNothing() {
        DealInput bad = new DealInput("t".repeat(201), null, null, new BigDecimal("-1"), "eur",
                LocalDate.of(1800, 1, 1), "nobody", 99L, Arrays.asList(11L, null, 11L, 99L, 13L, 14L),
                "s".repeat(101), null, null);
        assertFields(() -> deals.create(ADMIN, bad), "title", "amount", "currency", "expectedCloseDate", "source",
                "owner", "companyId", "contactIds[1]", "contactIds[2]", "contactIds[3]", "contactIds[5]");
        assertFields(() -> deals.create(ANNA, withLinks(withOwner(deal(" "), "ben"), 2L, List.of(13L))),
                "title", "owner", "companyId", "contactIds[0]");
        assertFields(() -> deals.create(ANNA, withLinks(deal("X"), 3L, null)), "companyId");
        assertFields(() -> deals.create(ANNA, withAmount(deal("X"), "10.123", "EUR")), "amount");
        assertFields(() -> deals.create(ANNA, withAmount(deal("X"), "1000000000000000", "EUR")), "amount");
        assertFields(() -> deals.create(ANNA, withAmount(deal("X"), "10", null)), "currency");
        assertFields(() -> deals.create(ANNA, withAmount(deal("X"), null, "EUR")), "amount");
        assertFields(() -> deals.create(ANNA, withAmount(deal("X"), "10", "XYZ")), "currency");
        assertFields(() -> deals.create(ANNA, withAmount(deal("X"), "10", "Eur")), "currency");
        assertThrows(ValidationException.class, () -> deals.create(ANNA, null));
        assertEquals(List.of(), deals.list(ADMIN, DealQuery.all()).items());
        assertEquals(List.of(), events.topics());
        // 10.100 is 10.10: trailing zeros are not decimals.
        assertEquals(new BigDecimal("10.10"), deals.create(ANNA, withAmount(deal("X"), "10.100", "EUR")).amount());
    }

    @Test
    public void stageAndPipelineResolution() {
        PipelineDto sales = sales();
        PipelineDto projects = pipelines.create(ADMIN, new PipelineInput("Projects",
                List.of(open("Lead", 10), open("Offer", 50), won(), lost())));
        StageDto offer = projects.stages().get(1);
        DealDto byStage = deals.create(ANNA, withStage(deal("A"), null, offer.id()));
        assertEquals(projects.id(), byStage.pipelineId());
        assertEquals(offer.id(), byStage.stageId());
        DealDto byPipeline = deals.create(ANNA, withStage(deal("B"), projects.id(), null));
        assertEquals(projects.stages().get(0).id(), byPipeline.stageId());
        DealDto both = deals.create(ANNA, withStage(deal("C"), projects.id(), offer.id()));
        assertEquals(offer.id(), both.stageId());

        ValidationException e = assertThrows(ValidationException.class,
                () -> deals.create(ANNA, withStage(deal("D"), sales.id(), offer.id())));
        assertEquals("stageId", e.errors().get(0).field());
        assertEquals("belongs to another pipeline", e.errors().get(0).message());
        assertFields(() -> deals.create(ANNA, withStage(deal("D"), 9999L, null)), "pipelineId");
        assertFields(() -> deals.create(ANNA, withStage(deal("D"), null, 9999L)), "stageId");

        // Archived pipeline: neither by pipeline nor by stage.
        PipelineDto old = pipelines.create(ADMIN, new PipelineInput("Old", List.of(open("O", 1), won(), lost())));
        pipelines.archive(ADMIN, old.id());
        assertFields(() -> deals.create(ANNA, withStage(deal("E"), old.id(), null)), "pipelineId");
        assertFields(() -> deals.create(ANNA, withStage(deal("E"), null, old.stages().get(0).id())), "stageId");
    }

    @Test
    public void createStraightIntoWonOrLost() {
        PipelineDto sales = sales();
        DealDto won = deals.create(ANNA, withStage(deal("Won at once"), null, stage(sales, "Won").id()));
        assertEquals(DealStatus.WON, won.status());
        assertNotNull(won.closedAt());
        assertFields(() -> deals.create(ANNA, withStage(deal("Lost"), null, stage(sales, "Lost").id())),
                "lossReason");
        DealDto lost = deals.create(ANNA, withLoss(withStage(deal("Lost"), null, stage(sales, "Lost").id()),
                "No budget", "  "));
        assertEquals(DealStatus.LOST, lost.status());
        assertEquals("No budget", lost.lossReason());
        assertNull(lost.lossComment());
        assertEquals(List.of(topic(CrmEvents.CREATED), topic(CrmEvents.WON), topic(CrmEvents.CREATED),
                topic(CrmEvents.LOST)), events.topics());
    }

    @Test
    public void updateEventsDependOnWhatChanged() {
        PipelineDto sales = sales();
        DealDto d = deals.create(ANNA, withAmount(deal("Kitchen"), "100", "EUR"));
        events.clear();
        // Nothing changed: no write, no event (100.00 equals 100).
        DealDto same = deals.update(ANNA, d.id(), d.version(), withAmount(inputOf(d), "100.00", "EUR"));
        assertEquals(d, same);
        assertEquals(List.of(), events.topics());
        // Only the stage: STAGE_CHANGED without UPDATED.
        DealDto staged = deals.update(ANNA, d.id(), d.version(),
                withStage(inputOf(d), null, stage(sales, "Proposal").id()));
        assertEquals(List.of(topic(CrmEvents.STAGE_CHANGED)), events.topics());
        events.clear();
        // Another field and the stage: both.
        DealDto both = deals.update(ANNA, d.id(), staged.version(),
                withStage(retitled(inputOf(staged), "Kitchen XL"), null, stage(sales, "Won").id()));
        assertEquals(List.of(topic(CrmEvents.UPDATED), topic(CrmEvents.STAGE_CHANGED), topic(CrmEvents.WON)),
                events.topics());
        assertEquals("Kitchen XL", both.title());
        assertEquals(DealStatus.WON, both.status());
        events.clear();
        // A field only.
        DealDto retitled = deals.update(ANNA, d.id(), both.version(), retitled(inputOf(both), "Kitchen XXL"));
        assertEquals(List.of(topic(CrmEvents.UPDATED)), events.topics());
        assertEquals(both.version() + 1, retitled.version());
        assertEquals(3, retitled.stageHistory().size());
        // Stale.
        assertThrows(StaleVersionException.class,
                () -> deals.update(ANNA, d.id(), both.version(), retitled(inputOf(both), "Old")));
        assertEquals("Kitchen XXL", deals.get(ANNA, d.id()).title());
    }

    @Test
    public void updateReplacesFieldsAndChecksOnlyNewLinks() {
        DealDto d = deals.create(ANNA, withLinks(deal("Kitchen"), 1L, List.of(11L)));
        // The company and a contact get archived later: the deal can still be edited ...
        companies.add(1, "anna", true);
        contacts.add(11, "anna", true);
        DealDto updated = deals.update(ANNA, d.id(), d.version(),
                withLinks(withAmount(retitled(inputOf(d), "Kitchen 2"), "10", "CHF"), 1L, List.of(11L, 12L)));
        assertEquals("Kitchen 2", updated.title());
        assertEquals(List.of(11L, 12L), updated.contactIds());
        assertEquals(new BigDecimal("10.00"), updated.amount());
        // ... but they cannot be linked anew.
        DealDto unlinked = deals.update(ANNA, d.id(), updated.version(), withLinks(inputOf(updated), null, List.of()));
        assertNull(unlinked.companyId());
        assertEquals(List.of(), unlinked.contactIds());
        assertFields(() -> deals.update(ANNA, d.id(), unlinked.version(),
                withLinks(inputOf(unlinked), 1L, List.of(11L))), "companyId", "contactIds[0]");
        assertEquals(List.of(11L, 12L), updated.contactIds());
        assertEquals(unlinked, deals.get(ANNA, d.id()));
        assertThrows(NotFoundException.class, () -> deals.update(ANNA, 9999, 0, deal("X")));
    }

    // ---------------------------------------------------------------------------------------- archive/restore

    @Test
    public void archiveHidesAndRestoreBringsBack() {
        DealDto d = deals.create(ANNA, withLinks(deal("Kitchen"), 1L, List.of()));
        deals.create(ANNA, deal("Other"));
        events.clear();
        assertFalse(deals.isArchived(ANNA, d.id()));
        DealDto archived = deals.archive(ANNA, d.id());
        assertTrue(archived.archived());
        assertTrue(deals.isArchived(ANNA, d.id()));
        assertEquals(List.of("Other"), titles(deals.list(ANNA, DealQuery.all())));
        assertEquals(List.of("Kitchen"), titles(deals.list(ANNA, filter(null, null, null, null, null, null, null,
                null, true))));
        assertEquals(archived, deals.get(ANNA, d.id()));
        assertThrows(ConflictException.class, () -> deals.update(ANNA, d.id(), archived.version(), inputOf(d)));
        assertThrows(ConflictException.class, () -> deals.moveToStage(ANNA, d.id(), archived.version(),
                stage(sales(), "Won").id(), null, null));
        assertEquals(archived, deals.archive(ANNA, d.id()));
        DealDto restored = deals.restore(ANNA, d.id());
        assertFalse(restored.archived());
        assertFalse(deals.isArchived(ANNA, d.id()));
        assertEquals(List.of("Kitchen", "Other"), titles(deals.list(ANNA, new DealQuery(null, null, null, null,
                null, null, null, null, false, "title", null))));
        assertEquals(List.of(topic(CrmEvents.ARCHIVED), topic(CrmEvents.RESTORED)), events.topics());
        assertEquals("Deal 'Kitchen' archived", events.events.get(0).getProperty(CrmEvents.SUMMARY));
        assertEquals(List.of(1L), events.events.get(1).getProperty(CrmEvents.COMPANY_IDS));
    }

    @Test
    public void ownerRules() {
        // Null owner means the caller; an unknown user is refused; managers may hand deals on.
        DealDto d = deals.create(MANAGER, deal("Managed"));
        assertEquals("manager", d.owner());
        assertFields(() -> deals.create(MANAGER, withOwner(deal("X"), "ghost")), "owner");
        assertFields(() -> deals.update(MANAGER, d.id(), d.version(), withOwner(inputOf(d), "ghost")), "owner");
        DealDto given = deals.update(MANAGER, d.id(), d.version(), withOwner(inputOf(d), "anna"));
        assertEquals("anna", given.owner());
        assertEquals(given, deals.get(ANNA, d.id()));
        assertEquals("anna", events.events.get(events.events.size() - 1).getProperty(CrmEvents.OWNER));
        // Anna editing with owner left out keeps it hers.
        DealDto kept = deals.update(ANNA, d.id(), given.version(), retitled(withOwner(inputOf(given), null), "Mine"));
        assertEquals("anna", kept.owner());
    }
}
