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
import io.tessera.crm.api.deals.DealStatus;
import io.tessera.crm.api.deals.PipelineDto;
import io.tessera.crm.api.deals.StageDto;
import io.tessera.crm.api.deals.StageKind;
import io.tessera.crm.api.tasks.TaskStatus;
import io.tessera.crm.support.jpa.Transactions;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.TypedQuery;

/**
 * The figures. Funnel, win rate, loss reasons, forecast and sources sum the daily roll-ups ({@link Rollups}, table
 * ANL_ROLLUP) over the period's days, so they do not depend on the number of deals; the median time in stage is
 * computed exactly from the duration histogram (whole hours). Per-manager figures aggregate ANL_DEAL and ANL_TASK.
 */
final class AnalyticsQueries {
    static final String NO_MONTH = "none";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Transactions tx;

    AnalyticsQueries(EntityManagerFactory emf) {
        this.tx = new Transactions(emf);
    }

    Funnel funnel(PipelineDto pipeline, LocalDate from, LocalDate to) {
        int first = (int) from.toEpochDay();
        int end = (int) to.toEpochDay();
        return tx.read(em -> {
            Map<Long, long[]> counts = new HashMap<>(); // stage -> {entered}
            Map<Long, Map<String, BigDecimal>> amounts = new HashMap<>();
            Map<Long, Median> medians = new HashMap<>();
            // two queries per stage, each reading only its own range of ANL_ROLLUP_IX (≤ days × currencies rows,
            // ≤ days × distinct hours for the durations)
            for (StageDto stage : pipeline.stages()) {
                long[] c = counts.computeIfAbsent(stage.id(), s -> new long[1]);
                Map<String, BigDecimal> sums = amounts.computeIfAbsent(stage.id(), s -> new TreeMap<>());
                for (Object[] row : rollup(em, "SELECT r.currency, SUM(r.count), SUM(r.amount) FROM AnlRollupEntity r"
                        + " WHERE r.kind = :kind AND r.pipelineId = :p AND r.groupId = :g AND r.day >= :from"
                        + " AND r.day < :to GROUP BY r.currency", Rollups.STAGE, pipeline.id(), stage.id(), first, end)) {
                    c[0] += ((Number) row[1]).longValue();
                    addAmount(sums, label(row[0]), (BigDecimal) row[2]);
                }
                if (stage.kind() == StageKind.OPEN) {
                    // the duration histogram of the period, from the fewest day / 8-day / 64-day blocks
                    Map<Long, long[]> histogram = new TreeMap<>();
                    for (int[] range : Rollups.durationRanges(first, end)) {
                        for (Object[] row : rollup(em, "SELECT r.hours, SUM(r.count) FROM AnlRollupEntity r"
                                + " WHERE r.kind = :kind AND r.pipelineId = :p AND r.groupId = :g AND r.day >= :from"
                                + " AND r.day < :to GROUP BY r.hours", range[0], pipeline.id(), stage.id(), range[1],
                                range[2])) {
                            histogram.computeIfAbsent(((Number) row[0]).longValue(), h -> new long[1])[0]
                                    += ((Number) row[1]).longValue();
                        }
                    }
                    medians.put(stage.id(), median(histogram.entrySet().stream()
                            .map(e -> new Object[] {e.getKey(), e.getValue()[0]}).toList()));
                }
            }
            List<StageDto> stages = pipeline.stages().stream().sorted(Comparator.comparingInt(StageDto::position))
                    .toList();
            List<FunnelStage> result = new ArrayList<>();
            for (int i = 0; i < stages.size(); i++) {
                StageDto stage = stages.get(i);
                long[] c = counts.getOrDefault(stage.id(), new long[1]);
                StageDto next = nextStage(stages, i);
                BigDecimal conversion = next == null
                        ? null : ratio(counts.getOrDefault(next.id(), new long[1])[0], c[0]);
                Median median = medians.getOrDefault(stage.id(), Median.NONE);
                result.add(new FunnelStage(stage.id(), stage.name(), stage.position(), stage.kind(),
                        stage.probability(), c[0], amounts.getOrDefault(stage.id(), new TreeMap<>()), conversion,
                        median.hours(), median.of()));
            }
            return new Funnel(pipeline.id(), pipeline.name(), from, to, result);
        });
    }

    private static List<Object[]> rollup(EntityManager em, String jpql, int kind, long pipelineId, long groupId,
                                         int from, int to) {
        return em.createQuery(jpql, Object[].class).setParameter("kind", kind).setParameter("p", pipelineId)
                .setParameter("g", groupId).setParameter("from", from).setParameter("to", to).getResultList();
    }

    /** The roll-ups store a missing currency, source or loss reason as ''. */
    private static String label(Object value) {
        return value == null || "".equals(value) ? null : (String) value;
    }

    /** The median of a histogram, in hours (mean of the two middle values for an even count), and its sample. */
    record Median(BigDecimal hours, long of) {
        static final Median NONE = new Median(null, 0);
    }

    /** {@code rows}: (whole hours, count) ascending by hours. */
    static Median median(List<Object[]> rows) {
        long total = rows.stream().mapToLong(r -> ((Number) r[1]).longValue()).sum();
        if (total == 0) {
            return Median.NONE;
        }
        long lowRank = (total - 1) / 2; // 0-based ranks of the middle value(s)
        long highRank = total / 2;
        Long low = null;
        Long high = null;
        long seen = 0;
        for (Object[] row : rows) {
            long n = ((Number) row[1]).longValue();
            long hours = ((Number) row[0]).longValue();
            if (low == null && lowRank < seen + n) {
                low = hours;
            }
            if (highRank < seen + n) {
                high = hours;
                break;
            }
            seen += n;
        }
        return new Median(BigDecimal.valueOf(low + high).divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP),
                total);
    }

    /** The stage a deal in stage {@code i} is meant to move to: the next OPEN stage, or WON after the last one. */
    private static StageDto nextStage(List<StageDto> stages, int i) {
        if (stages.get(i).kind() != StageKind.OPEN) {
            return null;
        }
        for (int j = i + 1; j < stages.size(); j++) {
            if (stages.get(j).kind() == StageKind.OPEN) {
                return stages.get(j);
            }
        }
        return stages.stream().filter(s -> s.kind() == StageKind.WON).findFirst().orElse(null);
    }

    /** Closed deals in the period per (1 won / 2 lost, loss reason). */
    private static List<Object[]> closedRollup(EntityManager em, PipelineDto pipeline, long group, LocalDate from,
                                               LocalDate to) {
        return rollup(em, "SELECT r.label, SUM(r.count) FROM AnlRollupEntity r WHERE r.kind = :kind"
                        + " AND r.pipelineId = :p AND r.groupId = :g AND r.day >= :from AND r.day < :to"
                        + " GROUP BY r.label", Rollups.CLOSE, pipeline.id(), group, (int) from.toEpochDay(),
                (int) to.toEpochDay());
    }

    private static long total(List<Object[]> rows) {
        return rows.stream().mapToLong(r -> ((Number) r[1]).longValue()).sum();
    }

    WinRate winRate(PipelineDto pipeline, LocalDate from, LocalDate to) {
        return tx.read(em -> {
            long won = total(closedRollup(em, pipeline, Rollups.WON, from, to));
            long lost = total(closedRollup(em, pipeline, Rollups.LOST, from, to));
            return new WinRate(pipeline.id(), pipeline.name(), from, to, won, lost, ratio(won, won + lost));
        });
    }

    LossReasons lossReasons(PipelineDto pipeline, LocalDate from, LocalDate to) {
        return tx.read(em -> {
            List<Object[]> rows = closedRollup(em, pipeline, Rollups.LOST, from, to);
            long total = total(rows);
            List<LossReason> reasons = rows.stream()
                    .map(r -> new LossReason(label(r[0]), ((Number) r[1]).longValue(),
                            ratio(((Number) r[1]).longValue(), total)))
                    .sorted(Comparator.comparingLong(LossReason::count).reversed()
                            .thenComparing(LossReason::reason, Comparator.nullsLast(Comparator.naturalOrder())))
                    .toList();
            return new LossReasons(pipeline.id(), pipeline.name(), from, to, total, reasons);
        });
    }

    Managers managers(PipelineDto pipeline, LocalDate from, LocalDate to, Instant asOf) {
        return tx.read(em -> {
            Map<String, long[]> won = new TreeMap<>();
            Map<String, Map<String, BigDecimal>> amounts = new HashMap<>();
            for (Object[] row : closed(em, "SELECT d.owner, d.currency, COUNT(d), SUM(d.amount) FROM AnlDealEntity d"
                    + " WHERE " + CLOSED_IN_PERIOD + " AND d.status = :won GROUP BY d.owner, d.currency",
                    pipeline, from, to).setParameter("won", DealStatus.WON).getResultList()) {
                String owner = (String) row[0];
                won.computeIfAbsent(owner, o -> new long[2])[0] += ((Number) row[2]).longValue();
                addAmount(amounts.computeIfAbsent(owner, o -> new TreeMap<>()), (String) row[1], (BigDecimal) row[3]);
            }
            for (Object[] row : em.createQuery("SELECT t.assignee, COUNT(t) FROM AnlTaskEntity t"
                            + " WHERE t.archived = :no AND t.status <> :done AND t.dueAt < :now GROUP BY t.assignee",
                            Object[].class)
                    .setParameter("no", false).setParameter("done", TaskStatus.DONE).setParameter("now", asOf)
                    .getResultList()) {
                won.computeIfAbsent((String) row[0], o -> new long[2])[1] = ((Number) row[1]).longValue();
            }
            List<Manager> managers = new ArrayList<>();
            won.forEach((owner, c) -> managers.add(new Manager(owner, c[0],
                    amounts.getOrDefault(owner, new TreeMap<>()), c[1])));
            return new Managers(pipeline.id(), pipeline.name(), from, to, asOf, managers);
        });
    }

    /** {@code from}/{@code to} null: every open deal of the pipeline. */
    Forecast forecast(PipelineDto pipeline, LocalDate from, LocalDate to) {
        Map<Long, Integer> probability = new HashMap<>();
        pipeline.stages().forEach(s -> probability.put(s.id(), s.probability()));
        return tx.read(em -> {
            // the roll-up is per expected close day: sum it per (month, stage, currency) as the deals' GROUP BY did
            StringBuilder jpql = new StringBuilder("SELECT r.day, r.groupId, r.currency, SUM(r.count), SUM(r.amount)"
                    + " FROM AnlRollupEntity r WHERE r.kind = :kind AND r.pipelineId = :p");
            if (from != null || to != null) {
                jpql.append(" AND r.day > :none");
            }
            if (from != null) {
                jpql.append(" AND r.day >= :from");
            }
            if (to != null) {
                jpql.append(" AND r.day < :to");
            }
            jpql.append(" GROUP BY r.day, r.groupId, r.currency");
            TypedQuery<Object[]> q = em.createQuery(jpql.toString(), Object[].class)
                    .setParameter("kind", Rollups.FORECAST).setParameter("p", pipeline.id());
            if (from != null || to != null) {
                q.setParameter("none", Rollups.NO_DAY);
            }
            if (from != null) {
                q.setParameter("from", (int) from.toEpochDay());
            }
            if (to != null) {
                q.setParameter("to", (int) to.toEpochDay());
            }
            record Group(String month, long stage, String currency) {
            }
            Map<Group, Object[]> groups = new HashMap<>(); // {count, amount}
            for (Object[] row : q.getResultList()) {
                int day = ((Number) row[0]).intValue();
                String month = day == Rollups.NO_DAY ? NO_MONTH : LocalDate.ofEpochDay(day).toString().substring(0, 7);
                Object[] g = groups.computeIfAbsent(new Group(month, ((Number) row[1]).longValue(), label(row[2])),
                        k -> new Object[] {0L, BigDecimal.ZERO});
                g[0] = (Long) g[0] + ((Number) row[3]).longValue();
                g[1] = ((BigDecimal) g[1]).add((BigDecimal) row[4]);
            }
            Map<String, long[]> deals = new TreeMap<>(Comparator.comparing((String m) -> m.equals(NO_MONTH))
                    .thenComparing(Comparator.naturalOrder()));
            Map<String, Map<String, BigDecimal>> sums = new HashMap<>();
            Map<String, Map<String, BigDecimal>> weighted = new HashMap<>();
            groups.forEach((group, g) -> {
                if ((Long) g[0] == 0) {
                    return;
                }
                String month = group.month();
                deals.computeIfAbsent(month, m -> new long[1])[0] += (Long) g[0];
                String currency = group.currency();
                BigDecimal sum = currency == null ? null : (BigDecimal) g[1];
                addAmount(sums.computeIfAbsent(month, m -> new TreeMap<>()), currency, sum);
                BigDecimal weight = BigDecimal.valueOf(probability.getOrDefault(group.stage(), 0));
                addAmount(weighted.computeIfAbsent(month, m -> new TreeMap<>()), currency,
                        sum == null ? null : sum.multiply(weight).divide(HUNDRED, 4, RoundingMode.HALF_UP));
            });
            List<ForecastMonth> months = new ArrayList<>();
            deals.forEach((month, n) -> months.add(new ForecastMonth(month, n[0],
                    sums.getOrDefault(month, new TreeMap<>()), weighted.getOrDefault(month, new TreeMap<>()))));
            return new Forecast(pipeline.id(), pipeline.name(), from, to, months);
        });
    }

    Sources sources(PipelineDto pipeline, LocalDate from, LocalDate to) {
        return tx.read(em -> {
            Map<String, long[]> counts = new LinkedHashMap<>();
            Map<String, Map<String, BigDecimal>> amounts = new HashMap<>();
            for (Object[] row : rollup(em, "SELECT r.label, r.currency, SUM(r.count), SUM(r.amount)"
                            + " FROM AnlRollupEntity r WHERE r.kind = :kind AND r.pipelineId = :p AND r.groupId = :g"
                            + " AND r.day >= :from AND r.day < :to GROUP BY r.label, r.currency", Rollups.SOURCE,
                    pipeline.id(), 0, (int) from.toEpochDay(), (int) to.toEpochDay())) {
                String source = label(row[0]);
                counts.computeIfAbsent(source, s -> new long[1])[0] += ((Number) row[2]).longValue();
                addAmount(amounts.computeIfAbsent(source, s -> new TreeMap<>()), label(row[1]), (BigDecimal) row[3]);
            }
            List<Source> sources = counts.entrySet().stream()
                    .map(e -> new Source(e.getKey(), e.getValue()[0], amounts.get(e.getKey())))
                    .sorted(Comparator.comparingLong(Source::deals).reversed()
                            .thenComparing(Source::source, Comparator.nullsLast(Comparator.naturalOrder())))
                    .toList();
            return new Sources(pipeline.id(), pipeline.name(), from, to,
                    sources.stream().mapToLong(Source::deals).sum(), sources);
        });
    }

    private static final String CLOSED_IN_PERIOD = "d.pipelineId = :p AND d.archived = :no"
            + " AND d.closedAt >= :from AND d.closedAt < :to";

    private static TypedQuery<Object[]> closed(EntityManager em, String jpql, PipelineDto pipeline, LocalDate from,
                                               LocalDate to) {
        return em.createQuery(jpql, Object[].class).setParameter("p", pipeline.id()).setParameter("no", false)
                .setParameter("from", start(from)).setParameter("to", start(to));
    }

    static Instant start(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static void addAmount(Map<String, BigDecimal> into, String currency, BigDecimal amount) {
        if (currency == null || amount == null) {
            return;
        }
        into.merge(currency, amount.setScale(2, RoundingMode.HALF_UP),
                (a, b) -> a.add(b).setScale(2, RoundingMode.HALF_UP));
    }

    /** part / whole with 4 decimals, null when whole is 0. */
    static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
