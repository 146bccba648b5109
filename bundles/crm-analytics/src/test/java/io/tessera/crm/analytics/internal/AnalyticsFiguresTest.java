package io.tessera.crm.analytics.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;

import io.tessera.crm.analytics.internal.Reports.Forecast;
import io.tessera.crm.analytics.internal.Reports.ForecastMonth;
import io.tessera.crm.analytics.internal.Reports.Funnel;
import io.tessera.crm.analytics.internal.Reports.FunnelStage;
import io.tessera.crm.analytics.internal.Reports.LossReason;
import io.tessera.crm.analytics.internal.Reports.LossReasons;
import io.tessera.crm.analytics.internal.Reports.Manager;
import io.tessera.crm.analytics.internal.Reports.Managers;
import io.tessera.crm.analytics.internal.Reports.Source;
import io.tessera.crm.analytics.internal.Reports.Sources;
import io.tessera.crm.analytics.internal.Reports.WinRate;
import io.tessera.crm.api.AccessDeniedException;
import io.tessera.crm.api.Caller;
import io.tessera.crm.api.NotFoundException;
import io.tessera.crm.api.Roles;
import io.tessera.crm.api.ValidationException;
import io.tessera.crm.api.deals.StageKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * The figures over the hand-computed data set of {@link AnalyticsFixture} (12 deals in 2 pipelines, 6 tasks), period
 * [2026-01-01, 2026-04-01) unless said otherwise. Durations in hours, per deal (first visit of each stage):
 * Lead: D1 24, D2 12, D3 30, D5 48, D6 24, D8 312, D10 24 (D4 still there; D7 entered before the period; D9 archived);
 * Meeting: D1 48, D2 24, D3 72, D7 480, D10 24 (D5 still there); Proposal: D1 24, D6 48 (D3 still there).
 */
public class AnalyticsFiguresTest {
    private static final Caller MANAGER = Caller.of("maria", Roles.MANAGER);
    private static final Caller ADMIN = Caller.of("admin", Roles.ADMIN);
    private static final String FROM = "2026-01-01";
    private static final String TO = "2026-04-01";

    private AnalyticsFixture fx;

    @Before
    public void setUp() {
        fx = new AnalyticsFixture().seedStandardSet();
    }

    @After
    public void tearDown() {
        fx.close();
    }

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    static void assertStage(FunnelStage s, long id, String name, StageKind kind, long entered,
                            Map<String, BigDecimal> amounts, String conversion, String medianHours, long medianOf) {
        assertEquals(id, s.stageId());
        assertEquals(name, s.name());
        assertEquals(kind, s.kind());
        assertEquals(name + " entered", entered, s.entered());
        assertEquals(name + " amounts", amounts, s.amounts());
        assertEquals(name + " conversion", conversion == null ? null : d(conversion), s.conversion());
        assertEquals(name + " median", medianHours == null ? null : d(medianHours), s.medianHours());
        assertEquals(name + " median sample", medianOf, s.medianOf());
    }

    @Test
    public void funnelOfTheSalesPipeline() {
        Funnel f = fx.service.funnel(MANAGER, Fakes.SALES, FROM, TO);
        assertEquals("Sales", f.pipeline());
        assertEquals(LocalDate.parse(FROM), f.from());
        assertEquals(LocalDate.parse(TO), f.to());
        assertEquals(5, f.stages().size());
        assertStage(f.stages().get(0), 11, "Lead", StageKind.OPEN, 8,
                Map.of("RUB", d("12800.00"), "USD", d("500.00")), "0.7500", "24.00", 7);
        assertStage(f.stages().get(1), 12, "Meeting", StageKind.OPEN, 6,
                Map.of("RUB", d("5900.00"), "USD", d("500.00")), "0.5000", "48.00", 5);
        assertStage(f.stages().get(2), 13, "Proposal", StageKind.OPEN, 3,
                Map.of("RUB", d("5000.00"), "USD", d("500.00")), "0.6667", "36.00", 2);
        assertStage(f.stages().get(3), 14, "Won", StageKind.WON, 2, Map.of("RUB", d("5000.00")), null, null, 0);
        assertStage(f.stages().get(4), 15, "Lost", StageKind.LOST, 3, Map.of("RUB", d("3400.00")), null, null, 0);
    }

    @Test
    public void funnelOfThePartnersPipeline() {
        Funnel f = fx.service.funnel(ADMIN, Fakes.PARTNERS, FROM, TO);
        assertEquals(3, f.stages().size());
        assertStage(f.stages().get(0), 21, "Intro", StageKind.OPEN, 2, Map.of("EUR", d("15000.00")), "0.5000",
                "360.00", 1);
        assertStage(f.stages().get(1), 22, "Won", StageKind.WON, 1, Map.of("EUR", d("10000.00")), null, null, 0);
        assertStage(f.stages().get(2), 23, "Lost", StageKind.LOST, 0, Map.of(), null, null, 0);
    }

    @Test
    public void funnelOfFebruaryOnly() {
        // Lead: D3 (Feb 1, 30 h), D4 (Feb 10, still there), D10 (Feb 20, 24 h; its re-entry on Feb 22 not counted)
        Funnel f = fx.service.funnel(MANAGER, Fakes.SALES, "2026-02-01", "2026-03-01");
        assertStage(f.stages().get(0), 11, "Lead", StageKind.OPEN, 3,
                Map.of("RUB", d("3600.00"), "USD", d("500.00")), "0.6667", "27.00", 2);
        // Meeting: D3 (72 h), D10 (24 h)
        assertStage(f.stages().get(1), 12, "Meeting", StageKind.OPEN, 2,
                Map.of("RUB", d("600.00"), "USD", d("500.00")), "0.5000", "48.00", 2);
        assertStage(f.stages().get(2), 13, "Proposal", StageKind.OPEN, 1, Map.of("USD", d("500.00")), "0.0000",
                null, 0);
        assertStage(f.stages().get(4), 15, "Lost", StageKind.LOST, 1, Map.of("RUB", d("600.00")), null, null, 0);
    }

    @Test
    public void defaultsAreTheDefaultPipelineAndTheLast90Days() {
        // now = 2026-03-15: [2025-12-16, 2026-03-16); D7 (Lead on Dec 20) now counts, D8 (Mar 20) does not
        Funnel f = fx.service.funnel(MANAGER, null, null, null);
        assertEquals(Fakes.SALES, f.pipelineId());
        assertEquals(LocalDate.parse("2025-12-16"), f.from());
        assertEquals(LocalDate.parse("2026-03-16"), f.to());
        assertEquals(8, f.stages().get(0).entered());
        assertEquals(Map.of("RUB", d("12900.00"), "USD", d("500.00")), f.stages().get(0).amounts());
        // Lead durations: 12, 24, 24, 24, 30, 48, 384 (D7)
        assertEquals(d("24.00"), f.stages().get(0).medianHours());
    }

    @Test
    public void winRateCountsDealsClosedInThePeriod() {
        // won: D1, D6 (D9 archived); lost: D2, D7, D10 (D8 lost on Apr 2, after the period)
        WinRate w = fx.service.winRate(MANAGER, Fakes.SALES, FROM, TO);
        assertEquals(2, w.won());
        assertEquals(3, w.lost());
        assertEquals(d("0.4000"), w.winRate());

        WinRate partners = fx.service.winRate(MANAGER, Fakes.PARTNERS, FROM, TO);
        assertEquals(1, partners.won());
        assertEquals(0, partners.lost());
        assertEquals(d("1.0000"), partners.winRate());

        WinRate none = fx.service.winRate(MANAGER, Fakes.SALES, "2025-01-01", "2025-02-01");
        assertEquals(0, none.won() + none.lost());
        assertNull(none.winRate());
    }

    @Test
    public void lossReasonsMostFrequentFirst() {
        LossReasons l = fx.service.lossReasons(MANAGER, Fakes.SALES, FROM, TO);
        assertEquals(3, l.lost());
        assertEquals(List.of(new LossReason("Too expensive", 2, d("0.6667")),
                new LossReason("No budget", 1, d("0.3333"))), l.reasons());
        // with April, D8 ("No budget") joins: a tie, ordered by name
        assertEquals(List.of(new LossReason("No budget", 2, d("0.5000")),
                        new LossReason("Too expensive", 2, d("0.5000"))),
                fx.service.lossReasons(MANAGER, Fakes.SALES, FROM, "2026-05-01").reasons());
    }

    @Test
    public void managersWonDealsAndOverdueTasks() {
        // overdue at 2026-03-15: task 1 (anna), 3 (boris, in progress), 6 (carol); 2 is done, 4 not due, 5 archived
        Managers m = fx.service.managers(MANAGER, Fakes.SALES, FROM, TO);
        assertEquals(AnalyticsFixture.NOW, m.asOf());
        assertEquals(List.of(
                new Manager("anna", 1, Map.of("RUB", d("1000.00")), 1),
                new Manager("boris", 1, Map.of("RUB", d("4000.00")), 1),
                new Manager("carol", 0, Map.of(), 1)), m.managers());

        Managers partners = fx.service.managers(MANAGER, Fakes.PARTNERS, FROM, TO);
        assertEquals(new Manager("anna", 1, Map.of("EUR", d("10000.00")), 1), partners.managers().get(0));
    }

    @Test
    public void forecastWeightsOpenDealsByStageProbabilityPerMonth() {
        // open: D3 Proposal 70% 500 USD May; D5 Meeting 40% 1500 RUB April; D4 Lead 10% 3000 RUB no date
        Forecast f = fx.service.forecast(MANAGER, Fakes.SALES, null, null);
        assertNull(f.from());
        assertEquals(List.of(
                new ForecastMonth("2026-04", 1, Map.of("RUB", d("1500.00")), Map.of("RUB", d("600.00"))),
                new ForecastMonth("2026-05", 1, Map.of("USD", d("500.00")), Map.of("USD", d("350.00"))),
                new ForecastMonth("none", 1, Map.of("RUB", d("3000.00")), Map.of("RUB", d("300.00")))), f.months());

        Forecast april = fx.service.forecast(MANAGER, Fakes.SALES, "2026-04-01", "2026-05-01");
        assertEquals(List.of(new ForecastMonth("2026-04", 1, Map.of("RUB", d("1500.00")),
                Map.of("RUB", d("600.00")))), april.months());

        Forecast partners = fx.service.forecast(MANAGER, Fakes.PARTNERS, null, null);
        assertEquals(List.of(new ForecastMonth("2026-04", 1, Map.of("EUR", d("5000.00")),
                Map.of("EUR", d("1000.00")))), partners.months());
    }

    @Test
    public void newDealsBySource() {
        Sources s = fx.service.sources(MANAGER, Fakes.SALES, FROM, TO);
        assertEquals(8, s.total());
        assertEquals(List.of(
                new Source("web", 5, Map.of("RUB", d("7300.00"))),
                new Source("referral", 2, Map.of("RUB", d("4000.00"), "USD", d("500.00"))),
                new Source(null, 1, Map.of("RUB", d("1500.00")))), s.sources());
    }

    @Test
    public void salesUsersGet403() {
        Caller sales = Caller.of("anna", Roles.SALES);
        assertThrows(AccessDeniedException.class, () -> fx.service.funnel(sales, null, null, null));
        assertThrows(AccessDeniedException.class, () -> fx.service.managers(sales, null, null, null));
        assertThrows(AccessDeniedException.class, () -> fx.service.forecast(sales, null, null, null));
    }

    @Test
    public void badParametersNameTheField() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> fx.service.funnel(MANAGER, null, "2026-13-01", "tomorrow"));
        assertEquals(List.of("from", "to"), e.errors().stream().map(io.tessera.crm.api.FieldError::field).toList());
        ValidationException order = assertThrows(ValidationException.class,
                () -> fx.service.winRate(MANAGER, null, "2026-03-01", "2026-03-01"));
        assertEquals("to", order.errors().get(0).field());
        assertThrows(NotFoundException.class, () -> fx.service.sources(MANAGER, 99L, FROM, TO));
    }
}
