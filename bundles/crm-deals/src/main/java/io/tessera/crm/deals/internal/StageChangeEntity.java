package io.tessera.crm.deals.internal;

import io.tessera.crm.support.jpa.InstantConverter;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

/** One entry of a deal's stage history (never changed once written). */
@Entity
@Table(name = "DEAL_STAGE_CHANGE", indexes = @Index(name = "DEAL_STAGE_CHANGE_DEAL_IX", columnList = "DEAL_ID"))
public class StageChangeEntity {
    @Id
    @TableGenerator(name = "DEAL_STAGE_CHANGE_GEN", table = "DEAL_IDS", pkColumnName = "GEN_KEY",
            valueColumnName = "GEN_VALUE", pkColumnValue = "stageChange", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "DEAL_STAGE_CHANGE_GEN")
    private Long id;

    @Column(name = "DEAL_ID", nullable = false)
    private long dealId;

    @Column(name = "FROM_STAGE_ID")
    private Long fromStageId;

    @Column(name = "TO_STAGE_ID", nullable = false)
    private long toStageId;

    @Column(name = "PIPELINE_ID", nullable = false)
    private long pipelineId;

    @Convert(converter = InstantConverter.class)
    @Column(name = "CHANGED_AT", nullable = false)
    private Instant at;

    @Column(name = "CHANGED_BY", nullable = false, length = 100)
    private String by;

    public StageChangeEntity() {
    }

    public StageChangeEntity(long dealId, Long fromStageId, long toStageId, long pipelineId, Instant at, String by) {
        this.dealId = dealId;
        this.fromStageId = fromStageId;
        this.toStageId = toStageId;
        this.pipelineId = pipelineId;
        this.at = at;
        this.by = by;
    }

    public Long getId() {
        return id;
    }

    public long getDealId() {
        return dealId;
    }

    public Long getFromStageId() {
        return fromStageId;
    }

    public long getToStageId() {
        return toStageId;
    }

    public long getPipelineId() {
        return pipelineId;
    }

    public Instant getAt() {
        return at;
    }

    public String getBy() {
        return by;
    }
}
