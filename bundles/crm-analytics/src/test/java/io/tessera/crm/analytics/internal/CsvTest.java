package io.tessera.crm.analytics.internal;

import static org.junit.Assert.assertEquals;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.Roles;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/** The CSV export of each figure over the hand-computed set, as exact text. */
public class CsvTest {
    private static final Caller MANAGER = Caller.of("maria", Roles.MANAGER);
    private static AnalyticsFixture fx;

    @BeforeClass
    public static void seed() {
        fx = new AnalyticsFixture().seedStandardSet();
    }

    @AfterClass
    public static void close() {
        fx.close();
    }

    @Test
    public void funnel() {
        assertEquals("stage_id,stage,kind,probability,entered,conversion,median_hours,amount_RUB,amount_USD\r\n"
                        + "11,Lead,OPEN,10,8,0.7500,24.00,12800.00,500.00\r\n"
                        + "12,Meeting,OPEN,40,6,0.5000,48.00,5900.00,500.00\r\n"
                        + "13,Proposal,OPEN,70,3,0.6667,36.00,5000.00,500.00\r\n"
                        + "14,Won,WON,100,2,,,5000.00,\r\n"
                        + "15,Lost,LOST,0,3,,,3400.00,\r\n",
                Csv.funnel(fx.service.funnel(MANAGER, null, "2026-01-01", "2026-04-01")));
    }

    @Test
    public void winRateAndLossReasons() {
        assertEquals("pipeline_id,pipeline,from,to,won,lost,win_rate\r\n"
                        + "1,Sales,2026-01-01,2026-04-01,2,3,0.4000\r\n",
                Csv.winRate(fx.service.winRate(MANAGER, null, "2026-01-01", "2026-04-01")));
        assertEquals("reason,count,share\r\nToo expensive,2,0.6667\r\nNo budget,1,0.3333\r\n",
                Csv.lossReasons(fx.service.lossReasons(MANAGER, null, "2026-01-01", "2026-04-01")));
    }

    @Test
    public void managersForecastAndSources() {
        assertEquals("manager,deals_won,overdue_tasks,amount_won_RUB\r\n"
                        + "anna,1,1,1000.00\r\nboris,1,1,4000.00\r\ncarol,0,1,\r\n",
                Csv.managers(fx.service.managers(MANAGER, null, "2026-01-01", "2026-04-01")));
        assertEquals("month,deals,amount_RUB,amount_USD,weighted_RUB,weighted_USD\r\n"
                        + "2026-04,1,1500.00,,600.00,\r\n"
                        + "2026-05,1,,500.00,,350.00\r\n"
                        + "none,1,3000.00,,300.00,\r\n",
                Csv.forecast(fx.service.forecast(MANAGER, null, null, null)));
        assertEquals("source,deals,amount_RUB,amount_USD\r\n"
                        + "web,5,7300.00,\r\nreferral,2,4000.00,500.00\r\n,1,1500.00,\r\n",
                Csv.sources(fx.service.sources(MANAGER, null, "2026-01-01", "2026-04-01")));
    }

    @Test
    public void quotesAndNeutralisesFormulas() {
        Reports.Sources s = new Reports.Sources(1, "Sales", LocalDate.parse("2026-01-01"),
                LocalDate.parse("2026-02-01"), 4, List.of(
                new Reports.Source("Fair, \"Expo\" 2026", 2, Map.of("RUB", new BigDecimal("1.50"))),
                new Reports.Source("=HYPERLINK(\"http://x\")", 1, Map.of()),
                new Reports.Source("line\nbreak", 1, Map.of())));
        assertEquals("source,deals,amount_RUB\r\n"
                + "\"Fair, \"\"Expo\"\" 2026\",2,1.50\r\n"
                + "\"'=HYPERLINK(\"\"http://x\"\")\",1,\r\n"
                + "\"line\nbreak\",1,\r\n", Csv.sources(s));
    }

    @Test
    public void formatChoice() {
        assertEquals(true, AnalyticsResource.wantsCsv("csv", null));
        assertEquals(false, AnalyticsResource.wantsCsv("json", "text/csv"));
        assertEquals(true, AnalyticsResource.wantsCsv(null, "text/csv"));
        assertEquals(false, AnalyticsResource.wantsCsv(null, "application/json, text/csv"));
        assertEquals(false, AnalyticsResource.wantsCsv(null, null));
        org.junit.Assert.assertThrows(io.tessera.crm.api.ValidationException.class,
                () -> AnalyticsResource.wantsCsv("xml", null));
    }
}
