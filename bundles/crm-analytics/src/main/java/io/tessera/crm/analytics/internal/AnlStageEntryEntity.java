package io.tessera.crm.analytics.internal;

import io.tessera.crm.support.jpa.InstantConverter;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Index;
import javax.persistence.Table;

/**
 * One visit of a deal to a stage, derived from the deal's stage history ({@code seq} = position in it). The deal's
 * amount, currency and archived flag are copied here so each funnel stage is one GROUP BY over a range of the
 * covering index ANL_SE_STAGE_IX (pipeline, stage, flags, entered at), and its median an ordered read of that range.
 * {@code firstEntry} marks the deal's first visit to the stage: the funnel counts a deal once per stage.
 * {@code durationSeconds} is null while the deal is still in the stage (and for the final WON/LOST stage).
 */
@Entity
@IdClass(AnlStageEntryEntity.Key.class)
@Table(name = "ANL_STAGE_ENTRY", indexes = {
        @Index(name = "ANL_SE_STAGE_IX",
                columnList = "PIPELINE_ID, STAGE_ID, FIRST_ENTRY, ARCHIVED, ENTERED_AT, DURATION_SECONDS, CURRENCY_CODE, AMOUNT"),
        @Index(name = "ANL_SE_DEAL_IX", columnList = "DEAL_ID")})
public class AnlStageEntryEntity {
    @Id
    @Column(name = "DEAL_ID")
    private long dealId;

    @Id
    @Column(name = "SEQ")
    private int seq;

    @Column(name = "PIPELINE_ID", nullable = false)
    private long pipelineId;

    @Column(name = "STAGE_ID", nullable = false)
    private long stageId;

    @Convert(converter = InstantConverter.class)
    @Column(name = "ENTERED_AT", nullable = false)
    private Instant enteredAt;

    @Convert(converter = InstantConverter.class)
    @Column(name = "LEFT_AT")
    private Instant leftAt;

    @Column(name = "DURATION_SECONDS")
    private Long durationSeconds;

    @Column(name = "FIRST_ENTRY", nullable = false)
    private boolean firstEntry;

    @Column(name = "ARCHIVED", nullable = false)
    private boolean archived;

    @Column(name = "AMOUNT", precision = 19, scale = 4)
    private BigDecimal amount;

    @Column(name = "CURRENCY_CODE", length = 3)
    private String currency;

    public AnlStageEntryEntity() {
    }

    public AnlStageEntryEntity(long dealId, int seq, long pipelineId, long stageId, Instant enteredAt, Instant leftAt,
                               boolean firstEntry, boolean archived, BigDecimal amount, String currency) {
        this.dealId = dealId;
        this.seq = seq;
        this.pipelineId = pipelineId;
        this.stageId = stageId;
        this.enteredAt = enteredAt;
        this.leftAt = leftAt;
        this.durationSeconds = leftAt == null ? null : Math.max(0, leftAt.getEpochSecond() - enteredAt.getEpochSecond());
        this.firstEntry = firstEntry;
        this.archived = archived;
        this.amount = amount;
        this.currency = currency;
    }

    public long getDealId() {
        return dealId;
    }

    public int getSeq() {
        return seq;
    }

    public long getPipelineId() {
        return pipelineId;
    }

    public long getStageId() {
        return stageId;
    }

    public Instant getEnteredAt() {
        return enteredAt;
    }

    public Instant getLeftAt() {
        return leftAt;
    }

    public Long getDurationSeconds() {
        return durationSeconds;
    }

    public boolean isFirstEntry() {
        return firstEntry;
    }

    public boolean isArchived() {
        return archived;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public String getCurrency() {
        return currency;
    }

    /** The primary key: deal id and position in the deal's stage history. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private long dealId;
        private int seq;

        public Key() {
        }

        public Key(long dealId, int seq) {
            this.dealId = dealId;
            this.seq = seq;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.dealId == dealId && k.seq == seq;
        }

        @Override
        public int hashCode() {
            return Objects.hash(dealId, seq);
        }
    }
}
