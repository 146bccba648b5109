package io.tessera.crm.analytics.internal;

import static io.tessera.crm.analytics.internal.Fakes.deal;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.tessera.crm.api.CrmEvents;
import io.tessera.crm.api.deals.DealDto;
import io.tessera.crm.support.jpa.Transactions;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.Test;

/**
 * The roll-ups kept incrementally by the projection (subtract the stored deal's contribution, add the new one) always
 * equal a full set-based rebuild from ANL_DEAL and ANL_STAGE_ENTRY, whatever happens to a deal.
 */
public class RollupsTest {
    private final AnalyticsFixture fx = new AnalyticsFixture();
    private final Transactions tx = new Transactions(fx.emf);

    @After
    public void tearDown() {
        fx.close();
    }

    private Map<String, String> rollups() {
        return tx.read(Rollups::snapshot);
    }

    /** Asserts the incremental roll-ups equal a rebuild (which then replaces them) and returns them. */
    private Map<String, String> assertEqualToRebuild() {
        Map<String, String> incremental = rollups();
        tx.write(em -> {
            Rollups.rebuild(em);
            return null;
        });
        assertEquals(incremental, rollups());
        return incremental;
    }

    private static int day(String date) {
        return (int) LocalDate.parse(date).toEpochDay();
    }

    /** key as in AnlRollupEntity.Key#toString. */
    private static String key(int kind, long pipeline, long group, String date, String label, long hours,
                              String currency) {
        return kind + "/" + pipeline + "/" + group + "/" + (date == null ? Rollups.NO_DAY : day(date)) + "/" + label
                + "/" + hours + "/" + currency;
    }

    @Test
    public void aDealsWholeLifeKeepsTheRollupsEqualToARebuild() {
        // created in Lead, 1000 RUB, expected to close 2026-04-10
        fx.dealChanged(deal(fx.pipelines, 1, 1, "anna", "web", "1000", "RUB", "2026-04-10", null, false,
                11, "2026-01-10T10:00:00Z"), CrmEvents.CREATED);
        assertEquals(Map.of(
                key(Rollups.STAGE, 1, 11, "2026-01-10", "", 0, "RUB"), "1 1000.0000",
                key(Rollups.SOURCE, 1, 0, "2026-01-10", "web", 0, "RUB"), "1 1000.0000",
                key(Rollups.FORECAST, 1, 11, "2026-04-10", "", 0, "RUB"), "1 1000.0000"), assertEqualToRebuild());

        // moved to Meeting 49.5 h later: a duration of 49 whole hours; the forecast row moves to Meeting
        fx.dealChanged(deal(fx.pipelines, 1, 2, "anna", "web", "1000", "RUB", "2026-04-10", null, false,
                11, "2026-01-10T10:00:00Z", 12, "2026-01-12T11:30:00Z"), CrmEvents.STAGE_CHANGED);
        Map<String, String> moved = assertEqualToRebuild();
        assertEquals("1 0.0000", moved.get(key(Rollups.DURATION, 1, 11, "2026-01-10", "", 49, "")));
        assertEquals("1 1000.0000", moved.get(key(Rollups.STAGE, 1, 12, "2026-01-12", "", 0, "RUB")));
        assertEquals("1 1000.0000", moved.get(key(Rollups.FORECAST, 1, 12, "2026-04-10", "", 0, "RUB")));
        assertNull(moved.get(key(Rollups.FORECAST, 1, 11, "2026-04-10", "", 0, "RUB")));
        assertEquals("1 0.0000", moved.get(key(6, 1, 11, "2026-01-03", "", 49, ""))); // 8-day block from Jan 3
        assertEquals("1 0.0000", moved.get(key(7, 1, 11, "2025-11-24", "", 49, ""))); // 64-day block from Nov 24
        assertEquals(7, moved.size());

        // amount and currency change, expected close date removed
        fx.dealChanged(deal(fx.pipelines, 1, 3, "anna", "web", "750.5", "USD", null, null, false,
                11, "2026-01-10T10:00:00Z", 12, "2026-01-12T11:30:00Z"), CrmEvents.UPDATED);
        Map<String, String> repriced = assertEqualToRebuild();
        assertEquals("1 750.5000", repriced.get(key(Rollups.STAGE, 1, 11, "2026-01-10", "", 0, "USD")));
        assertEquals("1 750.5000", repriced.get(key(Rollups.FORECAST, 1, 12, null, "", 0, "USD")));
        assertTrue(repriced.keySet().stream().noneMatch(k -> k.endsWith("/RUB")));

        // won: no longer in the forecast, a close row appears
        fx.dealChanged(deal(fx.pipelines, 1, 4, "anna", "web", "750.5", "USD", null, null, false,
                11, "2026-01-10T10:00:00Z", 12, "2026-01-12T11:30:00Z", 14, "2026-01-20T00:00:00Z"), CrmEvents.WON);
        Map<String, String> won = assertEqualToRebuild();
        assertEquals("1 0.0000", won.get(key(Rollups.CLOSE, 1, Rollups.WON, "2026-01-20", "", 0, "")));
        assertTrue(won.keySet().stream().noneMatch(k -> k.startsWith(Rollups.FORECAST + "/")));

        // reopened into Proposal, then lost with a reason, then no amount at all
        fx.dealChanged(deal(fx.pipelines, 1, 5, "anna", "web", "750.5", "USD", "2026-05-01", null, false,
                11, "2026-01-10T10:00:00Z", 12, "2026-01-12T11:30:00Z", 14, "2026-01-20T00:00:00Z",
                13, "2026-01-21T00:00:00Z"), CrmEvents.STAGE_CHANGED);
        Map<String, String> reopened = assertEqualToRebuild();
        assertTrue(reopened.keySet().stream().noneMatch(k -> k.startsWith(Rollups.CLOSE + "/")));
        assertEquals("1 750.5000", reopened.get(key(Rollups.FORECAST, 1, 13, "2026-05-01", "", 0, "USD")));
        fx.dealChanged(deal(fx.pipelines, 1, 6, "anna", "web", "750.5", "USD", "2026-05-01", "No budget", false,
                11, "2026-01-10T10:00:00Z", 12, "2026-01-12T11:30:00Z", 14, "2026-01-20T00:00:00Z",
                13, "2026-01-21T00:00:00Z", 15, "2026-01-22T06:00:00Z"), CrmEvents.LOST);
        Map<String, String> lost = assertEqualToRebuild();
        assertEquals("1 0.0000", lost.get(key(Rollups.CLOSE, 1, Rollups.LOST, "2026-01-22", "No budget", 0, "")));
        assertEquals("1 0.0000", lost.get(key(Rollups.DURATION, 1, 13, "2026-01-21", "", 30, "")));
        DealDto lostNoAmount = deal(fx.pipelines, 1, 7, "anna", null, null, null, null, "No budget", false,
                11, "2026-01-10T10:00:00Z", 12, "2026-01-12T11:30:00Z", 14, "2026-01-20T00:00:00Z",
                13, "2026-01-21T00:00:00Z", 15, "2026-01-22T06:00:00Z");
        fx.dealChanged(lostNoAmount, CrmEvents.UPDATED);
        Map<String, String> noAmount = assertEqualToRebuild();
        assertEquals("1 0.0000", noAmount.get(key(Rollups.SOURCE, 1, 0, "2026-01-10", "", 0, "")));

        // archived: contributes nothing; restored: exactly as before
        fx.dealChanged(archived(lostNoAmount), CrmEvents.ARCHIVED);
        assertEquals(Map.of(), assertEqualToRebuild());
        fx.dealChanged(lostNoAmount, CrmEvents.RESTORED);
        assertEquals(noAmount, assertEqualToRebuild());

        // moved to the other pipeline
        fx.dealChanged(deal(fx.pipelines, 1, 9, "anna", "partner", "99", "EUR", null, null, false,
                21, "2026-02-01T00:00:00Z"), CrmEvents.UPDATED);
        assertEquals(Map.of(
                key(Rollups.STAGE, 2, 21, "2026-02-01", "", 0, "EUR"), "1 99.0000",
                key(Rollups.SOURCE, 2, 0, "2026-02-01", "partner", 0, "EUR"), "1 99.0000",
                key(Rollups.FORECAST, 2, 21, null, "", 0, "EUR"), "1 99.0000"), assertEqualToRebuild());
    }

    private static DealDto archived(DealDto d) {
        return new DealDto(d.id(), d.version() + 1, d.title(), d.pipelineId(), d.stageId(), d.status(), d.amount(),
                d.currency(), d.expectedCloseDate(), d.owner(), null, List.of(), d.source(), d.lossReason(), null,
                d.closedAt(), d.stageHistory(), true, d.createdAt(), d.updatedAt());
    }

    @Test
    public void sharedRowsAddUpAndTheStandardSetEqualsARebuild() {
        fx.seedStandardSet();
        Map<String, String> all = assertEqualToRebuild();
        // Lead entries on 2026-01-10 .. : D1 and D7's rows are separate days; the sources share rows per day
        assertEquals("1 1000.0000", all.get(key(Rollups.STAGE, 1, 11, "2026-01-10", "", 0, "RUB")));
        // the whole set changed again (every deal archived, then restored, in one page = one transaction)
        List<DealDto> standard = AnalyticsFixture.standardDeals(fx.pipelines);
        new ProjectionStore(fx.emf).upsertDeals(standard.stream().map(RollupsTest::archived).toList());
        assertEquals(Map.of(), assertEqualToRebuild());
        new ProjectionStore(fx.emf).upsertDeals(standard);
        assertEquals(all, assertEqualToRebuild());
        // two deals sharing rows: D4 (Lead, Feb 10) and a copy of it
        fx.dealChanged(deal(fx.pipelines, 40, 1, "boris", "web", "3000", "RUB", null, null, false,
                11, "2026-02-10T05:00:00Z"), CrmEvents.CREATED);
        assertEquals("2 6000.0000", assertEqualToRebuild().get(key(Rollups.STAGE, 1, 11, "2026-02-10", "", 0, "RUB")));
    }

    @Test
    public void startUpSyncRebuildsMissingRollups() {
        fx.seedStandardSet();
        Map<String, String> all = rollups();
        tx.write(em -> em.createQuery("DELETE FROM AnlRollupEntity r").executeUpdate());
        assertEquals(Map.of(), rollups());
        assertArrayEquals(new int[] {0, 0}, fx.projection.syncAll()); // nothing else changed
        assertEquals(all, rollups());
    }

    @Test
    public void aPeriodIsCoveredByTheFewestAlignedDurationBlocks() {
        // epoch day 20480 = 2026-01-27 is a multiple of 64 (and of 8)
        int start = 20480;
        assertEquals(List.of("2/20477/20480", "7/20480/20544", "6/20544/20560", "2/20560/20562"),
                Rollups.durationRanges(start - 3, start + 82).stream()
                        .map(r -> r[0] + "/" + r[1] + "/" + r[2]).toList());
        assertEquals(List.of("2/20481/20482"), Rollups.durationRanges(start + 1, start + 2).stream()
                .map(r -> r[0] + "/" + r[1] + "/" + r[2]).toList());
        assertEquals(List.of(), Rollups.durationRanges(start, start));
    }

    @Test
    public void medianOfAHistogram() {
        assertEquals(AnalyticsQueries.Median.NONE, AnalyticsQueries.median(List.of()));
        // 24, 24, 30, 48 -> (24 + 30) / 2
        assertEquals(new AnalyticsQueries.Median(new BigDecimal("27.00"), 4),
                AnalyticsQueries.median(List.of(new Object[] {24L, 2L}, new Object[] {30L, 1L},
                        new Object[] {48L, 1L})));
        // 1, 2, 2 -> 2 ; 5, 6 -> 5.5
        assertEquals(new AnalyticsQueries.Median(new BigDecimal("2.00"), 3),
                AnalyticsQueries.median(List.of(new Object[] {1L, 1L}, new Object[] {2L, 2L})));
        assertEquals(new AnalyticsQueries.Median(new BigDecimal("5.50"), 2),
                AnalyticsQueries.median(List.of(new Object[] {5L, 1L}, new Object[] {6L, 1L})));
    }
}
