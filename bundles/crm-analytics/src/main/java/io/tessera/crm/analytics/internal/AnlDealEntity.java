package io.tessera.crm.analytics.internal;

import io.tessera.crm.support.jpa.InstantConverter;
import io.tessera.crm.api.deals.DealStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.Version;

/**
 * The analytics copy of one deal (id = the deal's id), kept current from deal events. {@code sourceVersion} is the
 * deal's own version: the start-up sync rewrites only rows whose version differs. The composite indexes start with
 * the columns every figure filters on (pipeline, archived) and carry the grouped columns, so Derby answers the
 * aggregates from the index.
 */
@Entity
@Table(name = "ANL_DEAL", indexes = {
        @Index(name = "ANL_DEAL_CREATED_IX", columnList = "PIPELINE_ID, ARCHIVED, CREATED_AT, SOURCE, CURRENCY_CODE, AMOUNT"),
        @Index(name = "ANL_DEAL_CLOSED_IX", columnList = "PIPELINE_ID, ARCHIVED, STATUS, CLOSED_AT, OWNER, LOSS_REASON"),
        @Index(name = "ANL_DEAL_OPEN_IX", columnList = "PIPELINE_ID, ARCHIVED, STATUS, EXPECTED_CLOSE_DATE, STAGE_ID"),
        @Index(name = "ANL_DEAL_STAGE_IX", columnList = "STAGE_ID")})
public class AnlDealEntity {
    @Id
    @Column(name = "DEAL_ID")
    private long id;

    @Version
    private long version;

    @Column(name = "SOURCE_VERSION", nullable = false)
    private long sourceVersion;

    @Column(name = "PIPELINE_ID", nullable = false)
    private long pipelineId;

    @Column(name = "STAGE_ID", nullable = false)
    private long stageId;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", nullable = false, length = 10)
    private DealStatus status;

    @Column(name = "AMOUNT", precision = 19, scale = 4)
    private BigDecimal amount;

    @Column(name = "CURRENCY_CODE", length = 3)
    private String currency;

    @Column(name = "OWNER", nullable = false, length = 100)
    private String owner;

    @Column(name = "SOURCE", length = 100)
    private String source;

    @Convert(converter = InstantConverter.class)
    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "EXPECTED_CLOSE_DATE")
    private LocalDate expectedCloseDate;

    /** {@code YYYY-MM} of the expected close date, for the forecast's GROUP BY. */
    @Column(name = "CLOSE_MONTH", length = 7)
    private String closeMonth;

    @Convert(converter = InstantConverter.class)
    @Column(name = "CLOSED_AT")
    private Instant closedAt;

    @Column(name = "LOSS_REASON", length = 200)
    private String lossReason;

    @Column(name = "ARCHIVED", nullable = false)
    private boolean archived;

    public long getId() {
        return id;
    }

    public void setId(long id) {
        this.id = id;
    }

    public long getSourceVersion() {
        return sourceVersion;
    }

    public void setSourceVersion(long sourceVersion) {
        this.sourceVersion = sourceVersion;
    }

    public long getPipelineId() {
        return pipelineId;
    }

    public void setPipelineId(long pipelineId) {
        this.pipelineId = pipelineId;
    }

    public long getStageId() {
        return stageId;
    }

    public void setStageId(long stageId) {
        this.stageId = stageId;
    }

    public DealStatus getStatus() {
        return status;
    }

    public void setStatus(DealStatus status) {
        this.status = status;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public void setAmount(BigDecimal amount) {
        this.amount = amount;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    public LocalDate getExpectedCloseDate() {
        return expectedCloseDate;
    }

    public void setExpectedCloseDate(LocalDate expectedCloseDate) {
        this.expectedCloseDate = expectedCloseDate;
        this.closeMonth = expectedCloseDate == null ? null : expectedCloseDate.toString().substring(0, 7);
    }

    public String getCloseMonth() {
        return closeMonth;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public void setClosedAt(Instant closedAt) {
        this.closedAt = closedAt;
    }

    public String getLossReason() {
        return lossReason;
    }

    public void setLossReason(String lossReason) {
        this.lossReason = lossReason;
    }

    public boolean isArchived() {
        return archived;
    }

    public void setArchived(boolean archived) {
        this.archived = archived;
    }
}
