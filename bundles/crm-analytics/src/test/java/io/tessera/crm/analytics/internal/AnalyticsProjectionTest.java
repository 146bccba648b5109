package io.tessera.crm.analytics.internal;

import static io.tessera.crm.analytics.internal.Fakes.deal;
import static io.tessera.crm.analytics.internal.Fakes.task;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.CrmEvents;
import io.tessera.crm.api.Roles;
import io.tessera.crm.api.deals.DealDto;
import io.tessera.crm.api.tasks.TaskStatus;
import io.tessera.crm.support.events.BatchEvents;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.Test;
import org.osgi.service.event.Event;

/** The projection follows deal and task events, and the start-up sync fills it from the services' lists. */
public class AnalyticsProjectionTest {
    private static final Caller MANAGER = Caller.of("maria", Roles.MANAGER);
    private final AnalyticsFixture fx = new AnalyticsFixture();

    @After
    public void tearDown() {
        fx.close();
    }

    private long count(String entity) {
        return fx.emf.createEntityManager().createQuery("SELECT COUNT(x) FROM " + entity + " x", Long.class)
                .getSingleResult();
    }

    private long entered(long stageId) {
        return fx.service.funnel(MANAGER, Fakes.SALES, "2026-01-01", "2026-04-01").stages().stream()
                .filter(s -> s.stageId() == stageId).findFirst().orElseThrow().entered();
    }

    @Test
    public void dealEventsCreateMoveArchiveAndRestore() {
        DealDto created = deal(fx.pipelines, 1, 1, "anna", "web", "1000", "RUB", "2026-04-10", null, false,
                11, "2026-01-10T00:00:00Z");
        fx.dealChanged(created, CrmEvents.CREATED);
        assertEquals(1, entered(11));
        assertEquals(0, entered(12));
        assertEquals(1, count("AnlStageEntryEntity"));

        DealDto moved = deal(fx.pipelines, 1, 2, "anna", "web", "1000", "RUB", "2026-04-10", null, false,
                11, "2026-01-10T00:00:00Z", 12, "2026-01-12T00:00:00Z");
        fx.dealChanged(moved, CrmEvents.STAGE_CHANGED);
        assertEquals(1, entered(12));
        assertEquals(new BigDecimal("48.00"), fx.service.funnel(MANAGER, Fakes.SALES, "2026-01-01", "2026-04-01")
                .stages().get(0).medianHours());
        assertEquals(2, count("AnlStageEntryEntity"));
        assertEquals(List.of(new Reports.ForecastMonth("2026-04", 1, Map.of("RUB", new BigDecimal("1000.00")),
                Map.of("RUB", new BigDecimal("400.00")))), fx.service.forecast(MANAGER, null, null, null).months());

        DealDto won = deal(fx.pipelines, 1, 3, "anna", "web", "1200", "RUB", "2026-04-10", null, false,
                11, "2026-01-10T00:00:00Z", 12, "2026-01-12T00:00:00Z", 14, "2026-01-13T00:00:00Z");
        fx.dealChanged(won, CrmEvents.WON);
        assertEquals(1, fx.service.winRate(MANAGER, null, "2026-01-01", "2026-04-01").won());
        assertEquals(List.of(), fx.service.forecast(MANAGER, null, null, null).months());
        // the amount changed with the win: every stage visit carries the new amount
        assertEquals(Map.of("RUB", new BigDecimal("1200.00")),
                fx.service.funnel(MANAGER, null, "2026-01-01", "2026-04-01").stages().get(0).amounts());

        DealDto archived = new DealDto(won.id(), 4, won.title(), won.pipelineId(), won.stageId(), won.status(),
                won.amount(), won.currency(), won.expectedCloseDate(), won.owner(), null, List.of(), won.source(),
                null, null, won.closedAt(), won.stageHistory(), true, won.createdAt(), won.updatedAt());
        fx.dealChanged(archived, CrmEvents.ARCHIVED);
        assertEquals(0, entered(11));
        assertEquals(0, fx.service.winRate(MANAGER, null, "2026-01-01", "2026-04-01").won());
        assertEquals(0, fx.service.sources(MANAGER, null, "2026-01-01", "2026-04-01").total());

        fx.dealChanged(won, CrmEvents.RESTORED);
        assertEquals(1, entered(11));
        assertEquals(1, fx.service.sources(MANAGER, null, "2026-01-01", "2026-04-01").total());
        assertEquals(1, count("AnlDealEntity"));
        assertEquals(3, count("AnlStageEntryEntity"));
    }

    @Test
    public void taskEventsDriveOverdueCounts() {
        fx.taskChanged(task(1, 1, "anna", "2026-03-10T00:00:00Z", TaskStatus.OPEN, false), CrmEvents.CREATED);
        assertEquals(1, fx.service.managers(MANAGER, null, null, null).managers().get(0).overdueTasks());
        fx.taskChanged(task(1, 2, "anna", "2026-03-10T00:00:00Z", TaskStatus.DONE, false), CrmEvents.COMPLETED);
        assertEquals(List.of(), fx.service.managers(MANAGER, null, null, null).managers());
        fx.taskChanged(task(1, 3, "boris", "2026-03-10T00:00:00Z", TaskStatus.OPEN, false), CrmEvents.REASSIGNED);
        assertEquals(new Reports.Manager("boris", 0, Map.of(), 1),
                fx.service.managers(MANAGER, null, null, null).managers().get(0));
    }

    @Test
    public void aBatchEventProjectsEachOfItsRecords() {
        List<Event> created = new ArrayList<>();
        for (long id = 1; id <= 3; id++) {
            fx.deals.put(deal(fx.pipelines, id, 1, "anna", "web", "1000", "RUB", "2026-04-10", null, false,
                    11, "2026-01-10T00:00:00Z"));
            created.add(Fakes.event(CrmEvents.DEAL, CrmEvents.CREATED, id));
        }
        created.add(Fakes.event(CrmEvents.DEAL, CrmEvents.CREATED, 404)); // gone meanwhile: left out
        fx.tasks.put(task(7, 1, "anna", "2026-03-10T00:00:00Z", TaskStatus.OPEN, false));
        List<Event> batches = new ArrayList<>(BatchEvents.batches(created));
        batches.addAll(BatchEvents.batches(List.of(Fakes.event(CrmEvents.TASK, CrmEvents.CREATED, 7))));

        batches.forEach(fx.projection::handleEvent);

        assertEquals(3, count("AnlDealEntity"));
        assertEquals(3, entered(11));
        assertEquals(1, fx.service.managers(MANAGER, null, null, null).managers().get(0).overdueTasks());
    }

    @Test
    public void eventsForUnknownRecordsAndOtherTopicsAreIgnored() {
        fx.projection.handleEvent(Fakes.event(CrmEvents.DEAL, CrmEvents.UPDATED, 404));
        fx.projection.handleEvent(Fakes.event(CrmEvents.COMPANY, CrmEvents.CREATED, 1));
        fx.projection.handleEvent(new org.osgi.service.event.Event("tessera/crm/deal/UPDATED", Map.of()));
        assertEquals(0, count("AnlDealEntity"));
    }

    @Test
    public void startUpSyncFillsAnEmptyProjectionPageByPageAndThenOnlyWhatChanged() {
        List<DealDto> standard = AnalyticsFixture.standardDeals(fx.pipelines);
        standard.forEach(fx.deals::put);
        // 1,100 more open deals so the sync needs three pages of live deals
        for (long id = 100; id < 1200; id++) {
            fx.deals.put(deal(fx.pipelines, id, 1, "boris", "bulk", "10", "USD", null, null, false,
                    21, "2025-06-01T00:00:00Z"));
        }
        fx.tasks.put(task(1, 1, "anna", "2026-03-10T00:00:00Z", TaskStatus.OPEN, false));
        fx.tasks.put(task(5, 1, "boris", "2026-02-01T00:00:00Z", TaskStatus.OPEN, true));

        assertArrayEquals(new int[] {1112, 2}, fx.projection.syncAll());
        assertEquals(1112, count("AnlDealEntity"));
        assertEquals(2, count("AnlTaskEntity"));
        assertEquals(3 + 1, fx.deals.listCalls); // 3 pages of live deals, 1 of archived ones
        // the figures equal those built from events
        Reports.Funnel funnel = fx.service.funnel(MANAGER, Fakes.SALES, "2026-01-01", "2026-04-01");
        assertEquals(8, funnel.stages().get(0).entered());
        assertEquals(new BigDecimal("24.00"), funnel.stages().get(0).medianHours());

        assertArrayEquals(new int[] {0, 0}, fx.projection.syncAll());

        // a deal changed while the module was off: only it is rewritten
        fx.deals.put(deal(fx.pipelines, 4, 2, "boris", "web", "3000", "RUB", null, null, false,
                11, "2026-02-10T00:00:00Z", 12, "2026-02-11T00:00:00Z"));
        assertArrayEquals(new int[] {1, 0}, fx.projection.syncAll());
        assertEquals(7, fx.service.funnel(MANAGER, Fakes.SALES, "2026-01-01", "2026-04-01").stages().get(1).entered());
    }

    @Test
    public void dealsWithoutAmountCountButAddNothing() {
        fx.dealChanged(deal(fx.pipelines, 1, 1, "anna", null, null, null, null, null, false,
                11, "2026-01-10T00:00:00Z"), CrmEvents.CREATED);
        Reports.FunnelStage lead = fx.service.funnel(MANAGER, null, "2026-01-01", "2026-04-01").stages().get(0);
        assertEquals(1, lead.entered());
        assertEquals(Map.of(), lead.amounts());
        assertNull(lead.medianHours());
        assertEquals(new Reports.Source(null, 1, Map.of()),
                fx.service.sources(MANAGER, null, "2026-01-01", "2026-04-01").sources().get(0));
    }
}
