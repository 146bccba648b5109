package io.tessera.crm.analytics.internal;

import io.tessera.crm.api.deals.DealStatus;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.persistence.EntityManager;

/**
 * The daily roll-ups (table ANL_ROLLUP, {@link AnlRollupEntity}) that make the figures independent of the number of
 * deals: a figure over a period sums at most (days in the period × currencies or labels) rows per stage. A deal
 * contributes (archived deals contribute nothing):
 * <ul>
 *   <li>{@link #STAGE}: per first visit of a stage, 1 and its amount under (pipeline, stage, day entered, currency);</li>
 *   <li>{@link #DURATION}: per first visit that has ended, 1 under (pipeline, stage, day entered, whole hours spent
 *       = seconds / 3600 rounded down) - a histogram from which the median is computed exactly;</li>
 *   <li>{@link #CLOSE}: when won or lost, 1 under (pipeline, 1 won / 2 lost, day closed, loss reason);</li>
 *   <li>{@link #SOURCE}: 1 and its amount under (pipeline, day created, source, currency);</li>
 *   <li>{@link #FORECAST}: while open, 1 and its amount under (pipeline, stage, expected close date or
 *       {@link #NO_DAY}, currency).</li>
 * </ul>
 * The projection keeps them in the same transaction as the deal's rows: it subtracts the stored deal's contribution
 * and adds the new one ({@link #subtract}/{@link #add}, then {@link #apply}). {@link #rebuild} recomputes them all
 * from ANL_DEAL and ANL_STAGE_ENTRY with set-based SQL.
 */
final class Rollups {
    static final int STAGE = 1;
    static final int DURATION = 2;
    static final int CLOSE = 3;
    static final int SOURCE = 4;
    static final int FORECAST = 5;
    /**
     * The duration histogram is kept at three resolutions so a period is covered by few rows: kind {@link #DURATION}
     * per day, {@code DURATION + 4} per aligned block of 8 days, {@code DURATION + 5} per aligned block of 64 days
     * (DAY_NO = the block's first day). Kinds 6 and 7.
     */
    static final int[] DURATION_BLOCK_DAYS = {1, 8, 64};
    static final int[] DURATION_KINDS = {DURATION, 6, 7};
    static final long WON = 1;
    static final long LOST = 2;
    /** The day of a deal without an expected close date (before any real date). */
    static final int NO_DAY = -1_000_000;

    /** One stage visit, as far as the roll-ups are concerned. */
    record Visit(long pipelineId, long stageId, Instant enteredAt, Long durationSeconds, boolean firstEntry) {
        static Visit of(AnlStageEntryEntity e) {
            return new Visit(e.getPipelineId(), e.getStageId(), e.getEnteredAt(), e.getDurationSeconds(),
                    e.isFirstEntry());
        }
    }

    /** Count and amount deltas per roll-up row. */
    private final Map<AnlRollupEntity.Key, long[]> counts = new HashMap<>();
    private final Map<AnlRollupEntity.Key, BigDecimal> amounts = new HashMap<>();

    void add(AnlDealEntity deal, List<Visit> visits) {
        contribute(deal, visits, 1);
    }

    void subtract(AnlDealEntity deal, List<Visit> visits) {
        contribute(deal, visits, -1);
    }

    private void contribute(AnlDealEntity d, List<Visit> visits, int sign) {
        if (d.isArchived()) {
            return;
        }
        BigDecimal amount = d.getAmount() == null ? BigDecimal.ZERO : d.getAmount();
        String currency = d.getCurrency();
        for (Visit v : visits) {
            if (!v.firstEntry()) {
                continue;
            }
            int day = day(v.enteredAt());
            put(new AnlRollupEntity.Key(STAGE, v.pipelineId(), v.stageId(), day, "", 0, currency), sign, amount);
            if (v.durationSeconds() != null) {
                for (int level = 0; level < DURATION_KINDS.length; level++) {
                    put(new AnlRollupEntity.Key(DURATION_KINDS[level], v.pipelineId(), v.stageId(),
                            day - Math.floorMod(day, DURATION_BLOCK_DAYS[level]), "", hours(v.durationSeconds()), ""),
                            sign, BigDecimal.ZERO);
                }
            }
        }
        if (d.getStatus() != DealStatus.OPEN && d.getClosedAt() != null) {
            put(new AnlRollupEntity.Key(CLOSE, d.getPipelineId(), d.getStatus() == DealStatus.WON ? WON : LOST,
                    day(d.getClosedAt()), d.getLossReason(), 0, ""), sign, BigDecimal.ZERO);
        }
        put(new AnlRollupEntity.Key(SOURCE, d.getPipelineId(), 0, day(d.getCreatedAt()), d.getSource(), 0, currency),
                sign, amount);
        if (d.getStatus() == DealStatus.OPEN) {
            put(new AnlRollupEntity.Key(FORECAST, d.getPipelineId(), d.getStageId(), day(d.getExpectedCloseDate()), "",
                    0, currency), sign, amount);
        }
    }

    private void put(AnlRollupEntity.Key key, int sign, BigDecimal amount) {
        counts.computeIfAbsent(key, k -> new long[1])[0] += sign;
        amounts.merge(key, sign < 0 ? amount.negate() : amount, BigDecimal::add);
    }

    /** Writes the accumulated deltas (one read and at most one write per touched row); rows that reach 0 are deleted. */
    void apply(EntityManager em) {
        for (Map.Entry<AnlRollupEntity.Key, long[]> e : counts.entrySet()) {
            long count = e.getValue()[0];
            BigDecimal amount = amounts.get(e.getKey());
            if (count == 0 && amount.signum() == 0) {
                continue; // the deal's change did not touch this row
            }
            AnlRollupEntity row = em.find(AnlRollupEntity.class, e.getKey());
            if (row == null) {
                row = new AnlRollupEntity(e.getKey());
                row.setCount(count);
                row.setAmount(amount);
                em.persist(row);
            } else {
                row.setCount(row.getCount() + count);
                row.setAmount(row.getAmount().add(amount));
                if (row.getCount() == 0) {
                    em.remove(row);
                }
            }
        }
        counts.clear();
        amounts.clear();
    }

    static int day(Instant at) {
        return (int) Math.floorDiv(at.getEpochSecond(), 86_400L);
    }

    static int day(LocalDate date) {
        return date == null ? NO_DAY : (int) date.toEpochDay();
    }

    static long hours(long seconds) {
        return Math.floorDiv(Math.max(0, seconds), 3600L);
    }

    /**
     * Recomputes every roll-up row from ANL_DEAL and ANL_STAGE_ENTRY with INSERT … SELECT … GROUP BY (in the caller's
     * transaction). Days: Derby has no epoch-day function; TIMESTAMPDIFF in seconds from the epoch (bound as a
     * parameter, so both sides are converted with the same time zone) divided by 86,400.
     */
    static void rebuild(EntityManager em) {
        Timestamp epoch = Timestamp.from(Instant.EPOCH);
        String insert = "INSERT INTO ANL_ROLLUP (KIND, PIPELINE_ID, GROUP_ID, DAY_NO, LABEL, HOURS, CURRENCY_CODE,"
                + " CNT, AMOUNT, VERSION) ";
        em.createNativeQuery("DELETE FROM ANL_ROLLUP").executeUpdate();
        // stage entries and durations
        em.createNativeQuery(insert + "SELECT " + STAGE + ", PIPELINE_ID, STAGE_ID, D, '', 0, C, COUNT(*), SUM(A), 1"
                + " FROM (SELECT PIPELINE_ID, STAGE_ID, " + dayOf("ENTERED_AT") + " AS D,"
                + " COALESCE(CURRENCY_CODE, '') AS C, COALESCE(AMOUNT, 0) AS A FROM ANL_STAGE_ENTRY"
                + " WHERE FIRST_ENTRY = 1 AND ARCHIVED = 0) X GROUP BY PIPELINE_ID, STAGE_ID, D, C")
                .setParameter(1, epoch).executeUpdate();
        for (int level = 0; level < DURATION_KINDS.length; level++) {
            int size = DURATION_BLOCK_DAYS[level];
            em.createNativeQuery(insert + "SELECT " + DURATION_KINDS[level] + ", PIPELINE_ID, STAGE_ID, D - MOD(D, "
                    + size + "), '', H, '', COUNT(*), 0, 1"
                    + " FROM (SELECT PIPELINE_ID, STAGE_ID, " + dayOf("ENTERED_AT") + " AS D,"
                    + " CASE WHEN DURATION_SECONDS < 0 THEN 0 ELSE DURATION_SECONDS / 3600 END AS H"
                    + " FROM ANL_STAGE_ENTRY"
                    + " WHERE FIRST_ENTRY = 1 AND ARCHIVED = 0 AND DURATION_SECONDS IS NOT NULL) X"
                    + " GROUP BY PIPELINE_ID, STAGE_ID, D - MOD(D, " + size + "), H")
                    .setParameter(1, epoch).executeUpdate();
        }
        // deals
        em.createNativeQuery(insert + "SELECT " + CLOSE + ", PIPELINE_ID, G, D, R, 0, '', COUNT(*), 0, 1"
                + " FROM (SELECT PIPELINE_ID, CASE WHEN STATUS = 'WON' THEN " + WON + " ELSE " + LOST + " END AS G, "
                + dayOf("CLOSED_AT") + " AS D, COALESCE(LOSS_REASON, '') AS R FROM ANL_DEAL"
                + " WHERE ARCHIVED = 0 AND STATUS IN ('WON', 'LOST') AND CLOSED_AT IS NOT NULL) X"
                + " GROUP BY PIPELINE_ID, G, D, R")
                .setParameter(1, epoch).executeUpdate();
        em.createNativeQuery(insert + "SELECT " + SOURCE + ", PIPELINE_ID, 0, D, S, 0, C, COUNT(*), SUM(A), 1"
                + " FROM (SELECT PIPELINE_ID, " + dayOf("CREATED_AT") + " AS D, COALESCE(SOURCE, '') AS S,"
                + " COALESCE(CURRENCY_CODE, '') AS C, COALESCE(AMOUNT, 0) AS A FROM ANL_DEAL"
                + " WHERE ARCHIVED = 0) X GROUP BY PIPELINE_ID, D, S, C")
                .setParameter(1, epoch).executeUpdate();
        // dates: whole days between two midnights (+ 12 h against a daylight saving hour)
        em.createNativeQuery(insert + "SELECT " + FORECAST + ", PIPELINE_ID, STAGE_ID, D, '', 0, C, COUNT(*), SUM(A), 1"
                + " FROM (SELECT PIPELINE_ID, STAGE_ID, CASE WHEN EXPECTED_CLOSE_DATE IS NULL THEN " + NO_DAY
                + " ELSE CAST(({fn TIMESTAMPDIFF(SQL_TSI_SECOND, TIMESTAMP('1970-01-01 00:00:00'),"
                + " TIMESTAMP(EXPECTED_CLOSE_DATE, TIME('00:00:00')))} + 43200) / 86400 AS INTEGER) END AS D,"
                + " COALESCE(CURRENCY_CODE, '') AS C, COALESCE(AMOUNT, 0) AS A FROM ANL_DEAL"
                + " WHERE ARCHIVED = 0 AND STATUS = 'OPEN') X GROUP BY PIPELINE_ID, STAGE_ID, D, C")
                .executeUpdate();
    }

    /**
     * Covers the days [from, to) with the fewest aligned duration blocks: returns {kind, first day, end day} ranges,
     * each a run of blocks of one size (a range of DAY_NO values of that kind).
     */
    static java.util.List<int[]> durationRanges(int from, int to) {
        java.util.List<int[]> ranges = new java.util.ArrayList<>();
        int pos = from;
        while (pos < to) {
            int level = DURATION_BLOCK_DAYS.length - 1;
            while (level > 0 && (Math.floorMod(pos, DURATION_BLOCK_DAYS[level]) != 0
                    || pos + DURATION_BLOCK_DAYS[level] > to)) {
                level--;
            }
            int kind = DURATION_KINDS[level];
            int[] last = ranges.isEmpty() ? null : ranges.get(ranges.size() - 1);
            if (last != null && last[0] == kind && last[2] == pos) {
                last[2] = pos + DURATION_BLOCK_DAYS[level];
            } else {
                ranges.add(new int[] {kind, pos, pos + DURATION_BLOCK_DAYS[level]});
            }
            pos += DURATION_BLOCK_DAYS[level];
        }
        return ranges;
    }

    /** Epoch day of a TIMESTAMP column (all stored instants are after 1970: the division rounds down). */
    private static String dayOf(String column) {
        return "CAST({fn TIMESTAMPDIFF(SQL_TSI_SECOND, CAST(? AS TIMESTAMP), " + column + ")} / 86400 AS INTEGER)";
    }

    /** Whether no roll-up row exists (a projection written before the roll-ups existed needs a rebuild). */
    static boolean empty(EntityManager em) {
        return em.createQuery("SELECT r.kind FROM AnlRollupEntity r", Object.class).setMaxResults(1).getResultList()
                .isEmpty();
    }

    /** Every roll-up row as key → {count, amount} (amount with scale 4); for tests. */
    static Map<String, String> snapshot(EntityManager em) {
        Map<String, String> rows = new TreeMap<>();
        for (AnlRollupEntity r : em.createQuery("SELECT r FROM AnlRollupEntity r", AnlRollupEntity.class)
                .getResultList()) {
            rows.put(r.key().toString(), r.getCount() + " " + r.getAmount().setScale(4));
        }
        return rows;
    }
}
