package io.tessera.crm.deals.internal;

import io.tessera.crm.support.jpa.InstantConverter;
import io.tessera.crm.api.deals.DealStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ConstraintMode;
import javax.persistence.Convert;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.ForeignKey;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.JoinColumn;
import javax.persistence.OrderColumn;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.Version;

/** A deal. Pipeline, stage, company and contacts are plain ids. */
@Entity
@Table(name = "DEAL_DEAL", indexes = {
        @Index(name = "DEAL_DEAL_OWNER_IX", columnList = "OWNER"),
        @Index(name = "DEAL_DEAL_STAGE_IX", columnList = "STAGE_ID"),
        @Index(name = "DEAL_DEAL_COMPANY_IX", columnList = "COMPANY_ID")})
public class DealEntity {
    @Id
    @TableGenerator(name = "DEAL_DEAL_GEN", table = "DEAL_IDS", pkColumnName = "GEN_KEY",
            valueColumnName = "GEN_VALUE", pkColumnValue = "deal", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "DEAL_DEAL_GEN")
    private Long id;

    @Version
    private long version;

    @Column(name = "TITLE", nullable = false, length = 200)
    private String title;

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

    @Column(name = "EXPECTED_CLOSE_DATE")
    private LocalDate expectedCloseDate;

    @Column(name = "OWNER", nullable = false, length = 100)
    private String owner;

    @Column(name = "COMPANY_ID")
    private Long companyId;

    @ElementCollection
    @CollectionTable(name = "DEAL_DEAL_CONTACT", joinColumns = @JoinColumn(name = "DEAL_ID"),
            foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT),
            indexes = {@Index(name = "DEAL_DEAL_CONTACT_IX", columnList = "CONTACT_ID"),
                    @Index(name = "DEAL_DEAL_CONTACT_OWNER_IX", columnList = "DEAL_ID")})
    @Column(name = "CONTACT_ID", nullable = false)
    @OrderColumn(name = "CONTACT_POSITION")
    private List<Long> contactIds = new ArrayList<>();

    @Column(name = "SOURCE", length = 100)
    private String source;

    @Column(name = "LOSS_REASON", length = 200)
    private String lossReason;

    @Column(name = "LOSS_COMMENT", length = 1000)
    private String lossComment;

    @Convert(converter = InstantConverter.class)
    @Column(name = "CLOSED_AT")
    private Instant closedAt;

    @Column(name = "ARCHIVED", nullable = false)
    private boolean archived;

    @Convert(converter = InstantConverter.class)
    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Convert(converter = InstantConverter.class)
    @Column(name = "UPDATED_AT", nullable = false)
    private Instant updatedAt;

    public Long getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
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

    public LocalDate getExpectedCloseDate() {
        return expectedCloseDate;
    }

    public void setExpectedCloseDate(LocalDate expectedCloseDate) {
        this.expectedCloseDate = expectedCloseDate;
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }

    public Long getCompanyId() {
        return companyId;
    }

    public void setCompanyId(Long companyId) {
        this.companyId = companyId;
    }

    public List<Long> getContactIds() {
        return contactIds;
    }

    public void setContactIds(List<Long> contactIds) {
        this.contactIds = new ArrayList<>(contactIds);
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public String getLossReason() {
        return lossReason;
    }

    public void setLossReason(String lossReason) {
        this.lossReason = lossReason;
    }

    public String getLossComment() {
        return lossComment;
    }

    public void setLossComment(String lossComment) {
        this.lossComment = lossComment;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public void setClosedAt(Instant closedAt) {
        this.closedAt = closedAt;
    }

    public boolean isArchived() {
        return archived;
    }

    public void setArchived(boolean archived) {
        this.archived = archived;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }
}
