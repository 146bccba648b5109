package io.tessera.crm.analytics.internal;

import io.tessera.crm.api.deals.StageKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The analytics module's JSON shapes (its own, not part of crm-api). Periods are [from, to) in whole UTC days.
 * Amounts are maps currency -> sum (2 decimals), because deals of one pipeline may carry several currencies; ratios
 * ({@code conversion}, {@code winRate}, {@code share}) are fractions with 4 decimals, null when undefined (0 / 0).
 */
public final class Reports {
    private Reports() {
    }

    /** The funnel: every stage of the pipeline in order. */
    public record Funnel(long pipelineId, String pipeline, LocalDate from, LocalDate to, List<FunnelStage> stages) {
    }

    /**
     * {@code entered}: deals whose first entry into the stage lies in the period (archived deals left out);
     * {@code conversion}: entered of the next stage (an OPEN stage's next is the following OPEN stage, the last OPEN
     * stage's next is the WON stage; null for WON/LOST) / entered of this one; {@code medianHours}: median of the
     * first visit's time in the stage, over those deals that have left it (null when none has).
     */
    public record FunnelStage(long stageId, String name, int position, StageKind kind, int probability, long entered,
                              Map<String, BigDecimal> amounts, BigDecimal conversion, BigDecimal medianHours,
                              long medianOf) {
    }

    /** Deals closed (won or lost) in the period. */
    public record WinRate(long pipelineId, String pipeline, LocalDate from, LocalDate to, long won, long lost,
                          BigDecimal winRate) {
    }

    public record LossReasons(long pipelineId, String pipeline, LocalDate from, LocalDate to, long lost,
                              List<LossReason> reasons) {
    }

    /** {@code reason} null for deals lost without one. */
    public record LossReason(String reason, long count, BigDecimal share) {
    }

    /**
     * Deals won in the period per owner, and each person's open (not DONE, not archived) tasks due before
     * {@code asOf} (across all pipelines: tasks belong to no pipeline).
     */
    public record Managers(long pipelineId, String pipeline, LocalDate from, LocalDate to, Instant asOf,
                           List<Manager> managers) {
    }

    public record Manager(String manager, long dealsWon, Map<String, BigDecimal> amountWon, long overdueTasks) {
    }

    /**
     * Open deals by expected close month ({@code none} when a deal has no expected close date, listed last):
     * {@code amounts} the plain sum, {@code weighted} the sum of amount x stage probability / 100. {@code from}/{@code
     * to} filter the expected close date when given; without them every open deal counts.
     */
    public record Forecast(long pipelineId, String pipeline, LocalDate from, LocalDate to, List<ForecastMonth> months) {
    }

    public record ForecastMonth(String month, long deals, Map<String, BigDecimal> amounts,
                                Map<String, BigDecimal> weighted) {
    }

    /** Deals created in the period by source ({@code source} null for none), most deals first. */
    public record Sources(long pipelineId, String pipeline, LocalDate from, LocalDate to, long total,
                          List<Source> sources) {
    }

    public record Source(String source, long deals, Map<String, BigDecimal> amounts) {
    }
}
