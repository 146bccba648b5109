package io.tessera.crm.analytics.internal;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.Version;

/**
 * One row of the daily roll-ups the figures read (see {@link Rollups}): for a {@code kind} of figure, a pipeline, a
 * group (stage, or 1 = won / 2 = lost), a UTC day (epoch day) and a label (source or loss reason), duration hours and
 * currency, the number of deals and the sum of their amounts. Every key column is NOT NULL so it can be part of the
 * primary key: a missing label or currency is stored as {@code ''}, a missing expected close date as
 * {@link Rollups#NO_DAY}. The covering index lets a figure sum a period by reading only its range.
 */
@Entity
@IdClass(AnlRollupEntity.Key.class)
@Table(name = "ANL_ROLLUP", indexes = @Index(name = "ANL_ROLLUP_IX",
        columnList = "KIND, PIPELINE_ID, GROUP_ID, DAY_NO, LABEL, HOURS, CURRENCY_CODE, CNT, AMOUNT"))
public class AnlRollupEntity {
    @Id
    @Column(name = "KIND", nullable = false)
    private int kind;

    @Id
    @Column(name = "PIPELINE_ID", nullable = false)
    private long pipelineId;

    @Id
    @Column(name = "GROUP_ID", nullable = false)
    private long groupId;

    @Id
    @Column(name = "DAY_NO", nullable = false)
    private int day;

    @Id
    @Column(name = "LABEL", nullable = false, length = 200)
    private String label;

    @Id
    @Column(name = "HOURS", nullable = false)
    private long hours;

    @Id
    @Column(name = "CURRENCY_CODE", nullable = false, length = 3)
    private String currency;

    @Version
    private long version;

    @Column(name = "CNT", nullable = false)
    private long count;

    @Column(name = "AMOUNT", nullable = false, precision = 19, scale = 4)
    private BigDecimal amount = BigDecimal.ZERO;

    public AnlRollupEntity() {
    }

    AnlRollupEntity(Key key) {
        this.kind = key.kind;
        this.pipelineId = key.pipelineId;
        this.groupId = key.groupId;
        this.day = key.day;
        this.label = key.label;
        this.hours = key.hours;
        this.currency = key.currency;
    }

    Key key() {
        return new Key(kind, pipelineId, groupId, day, label, hours, currency);
    }

    public long getCount() {
        return count;
    }

    public void setCount(long count) {
        this.count = count;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public void setAmount(BigDecimal amount) {
        this.amount = amount;
    }

    /** The primary key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private int kind;
        private long pipelineId;
        private long groupId;
        private int day;
        private String label;
        private long hours;
        private String currency;

        public Key() {
        }

        Key(int kind, long pipelineId, long groupId, int day, String label, long hours, String currency) {
            this.kind = kind;
            this.pipelineId = pipelineId;
            this.groupId = groupId;
            this.day = day;
            this.label = label == null ? "" : label;
            this.hours = hours;
            this.currency = currency == null ? "" : currency;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.kind == kind && k.pipelineId == pipelineId && k.groupId == groupId
                    && k.day == day && k.label.equals(label) && k.hours == hours && k.currency.equals(currency);
        }

        @Override
        public int hashCode() {
            return Objects.hash(kind, pipelineId, groupId, day, label, hours, currency);
        }

        @Override
        public String toString() {
            return kind + "/" + pipelineId + "/" + groupId + "/" + day + "/" + label + "/" + hours + "/" + currency;
        }
    }
}
