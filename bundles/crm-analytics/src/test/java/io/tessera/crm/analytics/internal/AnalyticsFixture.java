package io.tessera.crm.analytics.internal;

import static io.tessera.crm.analytics.internal.Fakes.deal;
import static io.tessera.crm.analytics.internal.Fakes.task;

import io.tessera.crm.api.CrmEvents;
import io.tessera.crm.api.tasks.TaskStatus;
import io.tessera.crm.support.testing.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.persistence.EntityManagerFactory;

/**
 * The hand-computed data set (see AnalyticsFiguresTest for the expected figures), fed into the projection through
 * deal and task events, as in the running server.
 */
final class AnalyticsFixture {
    static final Instant NOW = Instant.parse("2026-03-15T00:00:00Z");

    final EntityManagerFactory emf = TestDatabase.open("crm-analytics");
    final Fakes.Pipelines pipelines = new Fakes.Pipelines();
    final Fakes.Deals deals = new Fakes.Deals();
    final Fakes.Tasks tasks = new Fakes.Tasks();
    final AnalyticsProjection projection = new AnalyticsProjection(emf, deals, tasks, new Fakes.DirectExecutor());
    final AnalyticsQueries queries = new AnalyticsQueries(emf);
    final AnalyticsService service = new AnalyticsService(queries, pipelines, Clock.fixed(NOW, ZoneOffset.UTC));

    /** Stores the record in the fake service and sends the event the core would send. */
    void dealChanged(io.tessera.crm.api.deals.DealDto d, String action) {
        deals.put(d);
        projection.handleEvent(Fakes.event(CrmEvents.DEAL, action, d.id()));
    }

    void taskChanged(io.tessera.crm.api.tasks.TaskDto t, String action) {
        tasks.put(t);
        projection.handleEvent(Fakes.event(CrmEvents.TASK, action, t.id()));
    }

    AnalyticsFixture seedStandardSet() {
        for (io.tessera.crm.api.deals.DealDto d : standardDeals(pipelines)) {
            dealChanged(d, CrmEvents.UPDATED);
        }
        taskChanged(task(1, 1, "anna", "2026-03-10T00:00:00Z", TaskStatus.OPEN, false), CrmEvents.CREATED);
        taskChanged(task(2, 1, "anna", "2026-03-01T00:00:00Z", TaskStatus.DONE, false), CrmEvents.COMPLETED);
        taskChanged(task(3, 1, "boris", "2026-03-14T00:00:00Z", TaskStatus.IN_PROGRESS, false), CrmEvents.CREATED);
        taskChanged(task(4, 1, "boris", "2026-03-20T00:00:00Z", TaskStatus.OPEN, false), CrmEvents.CREATED);
        taskChanged(task(5, 1, "boris", "2026-02-01T00:00:00Z", TaskStatus.OPEN, true), CrmEvents.ARCHIVED);
        taskChanged(task(6, 1, "carol", "2026-01-01T00:00:00Z", TaskStatus.OPEN, false), CrmEvents.CREATED);
        return this;
    }

    static java.util.List<io.tessera.crm.api.deals.DealDto> standardDeals(Fakes.Pipelines p) {
        return java.util.List.of(
                // Sales pipeline: stages 11 Lead, 12 Meeting, 13 Proposal, 14 Won, 15 Lost
                deal(p, 1, 4, "anna", "web", "1000", "RUB", null, null, false,
                        11, "2026-01-10T00:00:00Z", 12, "2026-01-11T00:00:00Z", 13, "2026-01-13T00:00:00Z",
                        14, "2026-01-14T00:00:00Z"),
                deal(p, 2, 3, "anna", "web", "2000", "RUB", null, "Too expensive", false,
                        11, "2026-01-20T00:00:00Z", 12, "2026-01-20T12:00:00Z", 15, "2026-01-21T12:00:00Z"),
                deal(p, 3, 3, "boris", "referral", "500", "USD", "2026-05-15", null, false,
                        11, "2026-02-01T00:00:00Z", 12, "2026-02-02T06:00:00Z", 13, "2026-02-05T06:00:00Z"),
                deal(p, 4, 1, "boris", "web", "3000", "RUB", null, null, false,
                        11, "2026-02-10T00:00:00Z"),
                deal(p, 5, 2, "anna", null, "1500", "RUB", "2026-04-10", null, false,
                        11, "2026-03-01T00:00:00Z", 12, "2026-03-03T00:00:00Z"),
                deal(p, 6, 3, "boris", "referral", "4000", "RUB", null, null, false,
                        11, "2026-03-05T00:00:00Z", 13, "2026-03-06T00:00:00Z", 14, "2026-03-08T00:00:00Z"),
                deal(p, 7, 3, "anna", "web", "800", "RUB", null, "No budget", false,
                        11, "2025-12-20T00:00:00Z", 12, "2026-01-05T00:00:00Z", 15, "2026-01-25T00:00:00Z"),
                deal(p, 8, 2, "boris", "web", "700", "RUB", null, "No budget", false,
                        11, "2026-03-20T00:00:00Z", 15, "2026-04-02T00:00:00Z"),
                deal(p, 9, 3, "anna", "web", "2500", "RUB", null, null, true,
                        11, "2026-02-15T00:00:00Z", 14, "2026-02-20T00:00:00Z"),
                deal(p, 10, 5, "boris", "web", "600", "RUB", null, "Too expensive", false,
                        11, "2026-02-20T00:00:00Z", 12, "2026-02-21T00:00:00Z", 11, "2026-02-22T00:00:00Z",
                        12, "2026-02-24T00:00:00Z", 15, "2026-02-25T00:00:00Z"),
                // Partners pipeline: 21 Intro, 22 Won, 23 Lost
                deal(p, 11, 2, "anna", "partner", "10000", "EUR", null, null, false,
                        21, "2026-01-15T00:00:00Z", 22, "2026-01-30T00:00:00Z"),
                deal(p, 12, 1, "boris", "partner", "5000", "EUR", "2026-04-30", null, false,
                        21, "2026-02-01T00:00:00Z"));
    }

    void close() {
        emf.close();
    }
}
