package io.tessera.crm.deals.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;

import io.tessera.crm.api.CrmEvents;
import io.tessera.crm.api.StaleVersionException;
import io.tessera.crm.api.deals.DealDto;
import io.tessera.crm.api.deals.DealInput;
import io.tessera.crm.api.deals.DealStatus;
import io.tessera.crm.api.deals.PipelineDto;
import io.tessera.crm.api.deals.PipelineInput;
import io.tessera.crm.api.deals.StageChange;
import java.util.Arrays;
import java.util.List;
import org.junit.Test;
import org.osgi.service.event.Event;

/** Deals moving between stages and pipelines: the history, won, lost and reopened, loss reasons, archived pipelines. */
public class DealStageMovesTest extends DealsFixture {
    // ------------------------------------------------------------------------------------------------- stages

    @Test
    public void stageMovesAreRecordedInTheHistory() {
        PipelineDto sales = sales();
        DealDto d = deals.create(ANNA, deal("Kitchen"));
        events.clear();
        DealDto q = move(ANNA, d, stage(sales, "Qualification"));
        assertEquals(d.version() + 1, q.version());
        DealDto m = move(MANAGER, q, stage(sales, "Measurements"));
        assertEquals(DealStatus.OPEN, m.status());
        assertEquals(List.of(stage(sales, "New").id(), stage(sales, "Qualification").id(),
                stage(sales, "Measurements").id()), m.stageHistory().stream().map(StageChange::toStageId).toList());
        assertEquals(Arrays.asList(null, stage(sales, "New").id(), stage(sales, "Qualification").id()),
                m.stageHistory().stream().map(StageChange::fromStageId).toList());
        assertEquals(List.of("anna", "anna", "manager"), m.stageHistory().stream().map(StageChange::by).toList());
        assertFalse(m.stageHistory().get(2).at().isBefore(m.stageHistory().get(1).at()));
        assertEquals(m, deals.get(ANNA, d.id()));

        assertEquals(List.of(topic(CrmEvents.STAGE_CHANGED), topic(CrmEvents.STAGE_CHANGED)), events.topics());
        Event last = events.events.get(1);
        assertEquals("Deal 'Kitchen' moved from Qualification to Measurements", last.getProperty(CrmEvents.SUMMARY));
        assertEquals(stage(sales, "Qualification").id(), last.getProperty(CrmEvents.FROM_STAGE_ID));
        assertEquals(stage(sales, "Measurements").id(), last.getProperty(CrmEvents.STAGE_ID));
        assertEquals(sales.id(), last.getProperty(CrmEvents.PIPELINE_ID));
        assertEquals("anna", last.getProperty(CrmEvents.OWNER));
        assertEquals("manager", last.getProperty(CrmEvents.ACTOR));

        // Stale version, unknown stage, same stage.
        assertThrows(StaleVersionException.class, () -> move(ANNA, q, stage(sales, "Proposal")));
        assertFields(() -> deals.moveToStage(ANNA, d.id(), m.version(), 9999, null, null), "stageId");
        assertEquals(m, deals.moveToStage(ANNA, d.id(), m.version(), m.stageId(), null, null));
        assertEquals(2, events.events.size());
    }

    @Test
    public void wonLostAndReopen() {
        PipelineDto sales = sales();
        DealDto d = deals.create(ANNA, withLinks(deal("Kitchen"), 1L, List.of(11L)));
        events.clear();
        DealDto won = move(ANNA, d, stage(sales, "Won"));
        assertEquals(DealStatus.WON, won.status());
        assertNotNull(won.closedAt());
        assertEquals(List.of(topic(CrmEvents.STAGE_CHANGED), topic(CrmEvents.WON)), events.topics());
        assertEquals("Deal 'Kitchen' won", events.only(topic(CrmEvents.WON)).getProperty(CrmEvents.SUMMARY));
        assertEquals(List.of(1L), events.only(topic(CrmEvents.WON)).getProperty(CrmEvents.COMPANY_IDS));
        assertEquals(List.of(11L), events.only(topic(CrmEvents.WON)).getProperty(CrmEvents.CONTACT_IDS));
        events.clear();

        long lostStage = stage(sales, "Lost").id();
        assertFields(() -> deals.moveToStage(ANNA, d.id(), won.version(), lostStage, null, null), "lossReason");
        assertFields(() -> deals.moveToStage(ANNA, d.id(), won.version(), lostStage, "Bad weather", null),
                "lossReason");
        assertFields(() -> deals.moveToStage(ANNA, d.id(), won.version(), lostStage, "No budget", "c".repeat(1001)),
                "lossComment");
        DealDto lost = deals.moveToStage(ANNA, d.id(), won.version(), lostStage, "No budget", "Maybe next year");
        assertEquals(DealStatus.LOST, lost.status());
        assertEquals("No budget", lost.lossReason());
        assertEquals("Maybe next year", lost.lossComment());
        assertNotNull(lost.closedAt());
        assertEquals(List.of(topic(CrmEvents.STAGE_CHANGED), topic(CrmEvents.LOST)), events.topics());
        assertEquals("Deal 'Kitchen' lost: No budget",
                events.only(topic(CrmEvents.LOST)).getProperty(CrmEvents.SUMMARY));
        events.clear();

        DealDto reopened = move(ANNA, lost, stage(sales, "Negotiation"));
        assertEquals(DealStatus.OPEN, reopened.status());
        assertNull(reopened.closedAt());
        assertNull(reopened.lossReason());
        assertNull(reopened.lossComment());
        assertEquals(List.of(topic(CrmEvents.STAGE_CHANGED), topic(CrmEvents.REOPENED)), events.topics());
        assertEquals(4, reopened.stageHistory().size());
        assertEquals(reopened, deals.get(ANNA, d.id()));
    }

    @Test
    public void aLostDealKeepsAReasonThatIsNoLongerConfigured() {
        PipelineDto sales = sales();
        DealDto d = deals.create(ANNA, deal("Kitchen"));
        DealDto lost = deals.moveToStage(ANNA, d.id(), d.version(), stage(sales, "Lost").id(), "Other", null);
        pipelines.modified(config("Too expensive"));
        DealDto renamed = deals.update(ANNA, d.id(), lost.version(), retitled(inputOf(lost), "Kitchen 2"));
        assertEquals("Other", renamed.lossReason());
        assertEquals(DealStatus.LOST, renamed.status());
        assertFields(() -> deals.update(ANNA, d.id(), renamed.version(),
                withLoss(inputOf(renamed), "No budget", null)), "lossReason");
        DealDto changed = deals.update(ANNA, d.id(), renamed.version(),
                withLoss(inputOf(renamed), "Too expensive", "price"));
        assertEquals("Too expensive", changed.lossReason());
        assertEquals("price", changed.lossComment());
        assertEquals(lost.closedAt(), changed.closedAt());
    }

    @Test
    public void movingToAnotherPipeline() {
        PipelineDto sales = sales();
        PipelineDto projects = pipelines.create(ADMIN, new PipelineInput("Projects",
                List.of(open("Lead", 10), open("Offer", 50), won(), lost())));
        DealDto d = deals.create(ANNA, deal("Kitchen"));
        events.clear();
        DealDto moved = move(ANNA, d, projects.stages().get(1));
        assertEquals(projects.id(), moved.pipelineId());
        assertEquals(projects.stages().get(1).id(), moved.stageId());
        assertEquals(projects.id(), moved.stageHistory().get(1).pipelineId());
        assertEquals(sales.id(), moved.stageHistory().get(0).pipelineId());
        assertEquals("Deal 'Kitchen' moved from Sales / New to Projects / Offer",
                events.only(topic(CrmEvents.STAGE_CHANGED)).getProperty(CrmEvents.SUMMARY));
        assertEquals(List.of(d.id()), deals.list(ANNA, filter(null, null, projects.id(), null, null, null, null,
                null, false)).items().stream().map(DealDto::id).toList());

        // Through update: the stage of another pipeline with the old pipeline id is refused ...
        DealInput mixed = withStage(inputOf(moved), sales.id(), stage(sales, "Proposal").id());
        assertEquals(List.of("stageId"), fieldsOf(() -> deals.update(ANNA, d.id(), moved.version(),
                withStage(inputOf(moved), projects.id(), stage(sales, "Proposal").id()))));
        // ... both ids of the new place are fine, and so is the pipeline alone (its first open stage).
        DealDto back = deals.update(ANNA, d.id(), moved.version(), mixed);
        assertEquals(sales.id(), back.pipelineId());
        assertEquals(stage(sales, "Proposal").id(), back.stageId());
        DealDto again = deals.update(ANNA, d.id(), back.version(), withStage(inputOf(back), projects.id(), null));
        assertEquals(projects.stages().get(0).id(), again.stageId());
        assertEquals(4, again.stageHistory().size());
        // Neither id: the deal stays where it is.
        DealDto stays = deals.update(ANNA, d.id(), again.version(), retitled(withStage(inputOf(again), null, null),
                "Kitchen 2"));
        assertEquals(again.stageId(), stays.stageId());
    }

    // ------------------------------------------------------------------------ pipelines, loss reasons, owners

    @Test
    public void noMovesIntoAnArchivedPipelineButDealsInItStayEditable() {
        PipelineDto old = pipelines.create(ADMIN, new PipelineInput("Old", List.of(open("O", 1), won(), lost())));
        DealDto d = deals.create(ANNA, withStage(deal("Old deal"), old.id(), null));
        DealDto won = move(ANNA, d, old.stages().get(1));
        pipelines.archive(ADMIN, old.id());
        DealDto other = deals.create(ANNA, deal("Other"));
        assertFields(() -> move(ANNA, other, old.stages().get(0)), "stageId");
        // The won deal in the archived pipeline can still be renamed, and moved out of it.
        DealDto renamed = deals.update(ANNA, d.id(), won.version(), retitled(inputOf(won), "Old deal 2"));
        assertEquals("Old deal 2", renamed.title());
        assertEquals(old.stages().get(1).id(), renamed.stageId());
        DealDto out = move(ANNA, renamed, stage(sales(), "New"));
        assertEquals(DealStatus.OPEN, out.status());
        assertEquals(sales().id(), out.pipelineId());
    }

    @Test
    public void configuredLossReasonsApplyAndFilterTheList() {
        pipelines.modified(config("Price;Timing"));
        long lostStage = stage(sales(), "Lost").id();
        DealDto a = deals.create(ANNA, deal("A"));
        DealDto b = deals.create(ANNA, deal("B"));
        assertFields(() -> deals.moveToStage(ANNA, a.id(), a.version(), lostStage, "Too expensive", null),
                "lossReason");
        deals.moveToStage(ANNA, a.id(), a.version(), lostStage, "Price", null);
        deals.moveToStage(ANNA, b.id(), b.version(), lostStage, "Timing", "too early");
        assertEquals(List.of("A"), titles(deals.list(ANNA, filter(null, null, null, null, null, null, null, "Price",
                false))));
        assertEquals(List.of("B"), titles(deals.list(ANNA, filter(null, null, null, null, DealStatus.LOST, null,
                null, "Timing", false))));
        assertEquals(List.of(), titles(deals.list(ANNA, filter(null, null, null, null, null, null, null, "Other",
                false))));
    }
}
