package io.tessera.crm.analytics.internal;

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
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The figures as RFC 4180 CSV: a header row, comma separated, CRLF line ends, fields quoted when they hold a comma,
 * quote or line break (quotes doubled). Amounts get one column per currency ({@code amount_RUB}, ...). Text that a
 * spreadsheet would run as a formula (starting with = + - @, tab or CR) is prefixed with an apostrophe.
 */
final class Csv {
    private final StringBuilder out = new StringBuilder();

    private Csv() {
    }

    static String funnel(Funnel f) {
        List<String> currencies = currencies(f.stages(), FunnelStage::amounts);
        Csv csv = new Csv();
        List<Object> header = new ArrayList<>(List.of("stage_id", "stage", "kind", "probability", "entered",
                "conversion", "median_hours"));
        currencies.forEach(c -> header.add("amount_" + c));
        csv.row(header);
        for (FunnelStage s : f.stages()) {
            List<Object> row = new ArrayList<>(List.of(s.stageId(), text(s.name()), s.kind().name(), s.probability(),
                    s.entered()));
            row.add(s.conversion());
            row.add(s.medianHours());
            currencies.forEach(c -> row.add(s.amounts().get(c)));
            csv.row(row);
        }
        return csv.toString();
    }

    static String winRate(WinRate w) {
        Csv csv = new Csv();
        csv.row(List.of("pipeline_id", "pipeline", "from", "to", "won", "lost", "win_rate"));
        csv.row(asList(w.pipelineId(), text(w.pipeline()), w.from(), w.to(), w.won(), w.lost(), w.winRate()));
        return csv.toString();
    }

    static String lossReasons(LossReasons l) {
        Csv csv = new Csv();
        csv.row(List.of("reason", "count", "share"));
        for (LossReason r : l.reasons()) {
            csv.row(asList(text(r.reason()), r.count(), r.share()));
        }
        return csv.toString();
    }

    static String managers(Managers m) {
        List<String> currencies = currencies(m.managers(), Manager::amountWon);
        Csv csv = new Csv();
        List<Object> header = new ArrayList<>(List.of("manager", "deals_won", "overdue_tasks"));
        currencies.forEach(c -> header.add("amount_won_" + c));
        csv.row(header);
        for (Manager x : m.managers()) {
            List<Object> row = new ArrayList<>(asList(text(x.manager()), x.dealsWon(), x.overdueTasks()));
            currencies.forEach(c -> row.add(x.amountWon().get(c)));
            csv.row(row);
        }
        return csv.toString();
    }

    static String forecast(Forecast f) {
        List<String> currencies = currencies(f.months(), ForecastMonth::amounts);
        Csv csv = new Csv();
        List<Object> header = new ArrayList<>(List.of("month", "deals"));
        currencies.forEach(c -> header.add("amount_" + c));
        currencies.forEach(c -> header.add("weighted_" + c));
        csv.row(header);
        for (ForecastMonth m : f.months()) {
            List<Object> row = new ArrayList<>(asList(m.month(), m.deals()));
            currencies.forEach(c -> row.add(m.amounts().get(c)));
            currencies.forEach(c -> row.add(m.weighted().get(c)));
            csv.row(row);
        }
        return csv.toString();
    }

    static String sources(Sources s) {
        List<String> currencies = currencies(s.sources(), Source::amounts);
        Csv csv = new Csv();
        List<Object> header = new ArrayList<>(List.of("source", "deals"));
        currencies.forEach(c -> header.add("amount_" + c));
        csv.row(header);
        for (Source x : s.sources()) {
            List<Object> row = new ArrayList<>(asList(text(x.source()), x.deals()));
            currencies.forEach(c -> row.add(x.amounts().get(c)));
            csv.row(row);
        }
        return csv.toString();
    }

    private static <T> List<String> currencies(Collection<T> items, Function<T, Map<String, BigDecimal>> amounts) {
        TreeSet<String> all = new TreeSet<>();
        items.forEach(i -> all.addAll(amounts.apply(i).keySet()));
        return List.copyOf(all);
    }

    private static List<Object> asList(Object... values) {
        return java.util.Arrays.asList(values);
    }

    /** Marks user-entered text, which gets the formula guard. */
    private static Text text(String value) {
        return value == null ? null : new Text(value);
    }

    private record Text(String value) {
    }

    private void row(List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(values.get(i)));
        }
        out.append("\r\n");
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String s;
        if (value instanceof Text t) {
            s = t.value();
            if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
                s = "'" + s;
            }
        } else if (value instanceof BigDecimal d) {
            s = d.toPlainString();
        } else {
            s = value.toString();
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
