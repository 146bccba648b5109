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
 * The figures, each computed by GROUP BY / COUNT / SUM queries over the projection's covering indexes; no query
 * loads the deals themselves. Medians: a COUNT per stage (part of the funnel's aggregate), then the middle one or two rows of
 * that stage's durations fetched with ORDER BY + OFFSET (Derby has no PERCENTILE_CONT).
 */
final class AnalyticsQueries {
    static final String NO_MONTH = "none";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

    private final Transactions tx;

    AnalyticsQueries(EntityManagerFactory emf) {
        this.tx = new Transactions(emf);
    }

    Funnel funnel(PipelineDto pipeline, LocalDate from, LocalDate to) {
        Instant start = start(from);
        Instant end = start(to);
        return tx.read(em -> {
            Map<Long, long[]> counts = new HashMap<>(); // stage -> {entered, withDuration}
            Map<Long, Map<String, BigDecimal>> amounts = new HashMap<>();
            // one query per stage: each reads only its own range of ANL_SE_STAGE_IX
            for (StageDto stage : pipeline.stages()) {
                List<Object[]> rows = em.createQuery("SELECT e.currency, COUNT(e), SUM(e.amount),"
                                + " COUNT(e.durationSeconds) FROM AnlStageEntryEntity e"
                                + " WHERE e.pipelineId = :p AND e.stageId = :s AND e.firstEntry = :yes"
                                + " AND e.archived = :no AND e.enteredAt >= :from AND e.enteredAt < :to"
                                + " GROUP BY e.currency", Object[].class)
                        .setParameter("p", pipeline.id()).setParameter("s", stage.id())
                        .setParameter("yes", true).setParameter("no", false)
                        .setParameter("from", start).setParameter("to", end).getResultList();
                long[] c = counts.computeIfAbsent(stage.id(), s -> new long[2]);
                Map<String, BigDecimal> sums = amounts.computeIfAbsent(stage.id(), s -> new TreeMap<>());
                for (Object[] row : rows) {
                    c[0] += ((Number) row[1]).longValue();
                    c[1] += ((Number) row[3]).longValue();
                    addAmount(sums, (String) row[0], (BigDecimal) row[2]);
                }
            }
            List<StageDto> stages = pipeline.stages().stream().sorted(Comparator.comparingInt(StageDto::position))
                    .toList();
            List<FunnelStage> result = new ArrayList<>();
            for (int i = 0; i < stages.size(); i++) {
                StageDto stage = stages.get(i);
                long[] c = counts.getOrDefault(stage.id(), new long[2]);
                StageDto next = nextStage(stages, i);
                BigDecimal conversion = next == null
                        ? null : ratio(counts.getOrDefault(next.id(), new long[2])[0], c[0]);
                BigDecimal median = c[1] == 0 ? null : medianHours(em, pipeline.id(), stage.id(), start, end, c[1]);
                result.add(new FunnelStage(stage.id(), stage.name(), stage.position(), stage.kind(),
                        stage.probability(), c[0], amounts.getOrDefault(stage.id(), new TreeMap<>()), conversion,
                        median, c[1]));
            }
            return new Funnel(pipeline.id(), pipeline.name(), from, to, result);
        });
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

    private static BigDecimal medianHours(EntityManager em, long pipelineId, long stageId, Instant from, Instant to,
                                          long count) {
        TypedQuery<Long> q = em.createQuery("SELECT e.durationSeconds FROM AnlStageEntryEntity e"
                        + " WHERE e.pipelineId = :p AND e.stageId = :s AND e.firstEntry = :yes AND e.archived = :no"
                        + " AND e.durationSeconds IS NOT NULL"
                        + " AND e.enteredAt >= :from AND e.enteredAt < :to ORDER BY e.durationSeconds", Long.class)
                .setParameter("s", stageId).setParameter("yes", true).setParameter("no", false)
                .setParameter("p", pipelineId).setParameter("from", from).setParameter("to", to)
                .setFirstResult((int) ((count - 1) / 2)).setMaxResults(count % 2 == 0 ? 2 : 1);
        List<Long> middle = q.getResultList();
        if (middle.isEmpty()) {
            return null;
        }
        BigDecimal seconds = middle.stream().map(BigDecimal::valueOf).reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(middle.size()), 6, RoundingMode.HALF_UP);
        return seconds.divide(SECONDS_PER_HOUR, 2, RoundingMode.HALF_UP);
    }

    WinRate winRate(PipelineDto pipeline, LocalDate from, LocalDate to) {
        return tx.read(em -> {
            long won = 0;
            long lost = 0;
            for (Object[] row : closed(em, "SELECT d.status, COUNT(d) FROM AnlDealEntity d WHERE "
                    + CLOSED_IN_PERIOD + " AND d.status IN :closed GROUP BY d.status", pipeline, from, to)
                    .setParameter("closed", List.of(DealStatus.WON, DealStatus.LOST)).getResultList()) {
                long n = ((Number) row[1]).longValue();
                if (row[0] == DealStatus.WON) {
                    won = n;
                } else {
                    lost = n;
                }
            }
            return new WinRate(pipeline.id(), pipeline.name(), from, to, won, lost, ratio(won, won + lost));
        });
    }

    LossReasons lossReasons(PipelineDto pipeline, LocalDate from, LocalDate to) {
        return tx.read(em -> {
            List<Object[]> rows = closed(em, "SELECT d.lossReason, COUNT(d) FROM AnlDealEntity d WHERE "
                    + CLOSED_IN_PERIOD + " AND d.status = :lost GROUP BY d.lossReason", pipeline, from, to)
                    .setParameter("lost", DealStatus.LOST).getResultList();
            long total = rows.stream().mapToLong(r -> ((Number) r[1]).longValue()).sum();
            List<LossReason> reasons = rows.stream()
                    .map(r -> new LossReason((String) r[0], ((Number) r[1]).longValue(),
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
            StringBuilder jpql = new StringBuilder("SELECT d.closeMonth, d.stageId, d.currency, COUNT(d), SUM(d.amount)"
                    + " FROM AnlDealEntity d WHERE d.pipelineId = :p AND d.archived = :no AND d.status = :open");
            if (from != null) {
                jpql.append(" AND d.expectedCloseDate >= :from");
            }
            if (to != null) {
                jpql.append(" AND d.expectedCloseDate < :to");
            }
            jpql.append(" GROUP BY d.closeMonth, d.stageId, d.currency");
            TypedQuery<Object[]> q = em.createQuery(jpql.toString(), Object[].class)
                    .setParameter("p", pipeline.id()).setParameter("no", false)
                    .setParameter("open", DealStatus.OPEN);
            if (from != null) {
                q.setParameter("from", from);
            }
            if (to != null) {
                q.setParameter("to", to);
            }
            Map<String, long[]> deals = new TreeMap<>(Comparator.comparing((String m) -> m.equals(NO_MONTH))
                    .thenComparing(Comparator.naturalOrder()));
            Map<String, Map<String, BigDecimal>> sums = new HashMap<>();
            Map<String, Map<String, BigDecimal>> weighted = new HashMap<>();
            for (Object[] row : q.getResultList()) {
                String month = row[0] == null ? NO_MONTH : (String) row[0];
                deals.computeIfAbsent(month, m -> new long[1])[0] += ((Number) row[3]).longValue();
                String currency = (String) row[2];
                BigDecimal sum = (BigDecimal) row[4];
                addAmount(sums.computeIfAbsent(month, m -> new TreeMap<>()), currency, sum);
                BigDecimal weight = BigDecimal.valueOf(probability.getOrDefault(((Number) row[1]).longValue(), 0));
                addAmount(weighted.computeIfAbsent(month, m -> new TreeMap<>()), currency,
                        sum == null ? null : sum.multiply(weight).divide(HUNDRED, 4, RoundingMode.HALF_UP));
            }
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
            for (Object[] row : em.createQuery("SELECT d.source, d.currency, COUNT(d), SUM(d.amount)"
                            + " FROM AnlDealEntity d WHERE d.pipelineId = :p AND d.archived = :no"
                            + " AND d.createdAt >= :from AND d.createdAt < :to GROUP BY d.source, d.currency",
                            Object[].class)
                    .setParameter("p", pipeline.id()).setParameter("no", false)
                    .setParameter("from", start(from)).setParameter("to", start(to)).getResultList()) {
                String source = (String) row[0];
                counts.computeIfAbsent(source, s -> new long[1])[0] += ((Number) row[2]).longValue();
                addAmount(amounts.computeIfAbsent(source, s -> new TreeMap<>()), (String) row[1], (BigDecimal) row[3]);
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
