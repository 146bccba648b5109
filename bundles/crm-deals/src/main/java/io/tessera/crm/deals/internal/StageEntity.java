package io.tessera.crm.deals.internal;

import io.tessera.crm.api.deals.StageKind;
import java.util.ArrayList;
import java.util.List;
import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ConstraintMode;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.FetchType;
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

/**
 * A stage of a pipeline. A stage removed from its pipeline is kept with {@code removed = true} (archived deals and
 * the stage history still name it) and no longer shown or usable.
 */
@Entity
@Table(name = "DEAL_STAGE", indexes = @Index(name = "DEAL_STAGE_PIPELINE_IX", columnList = "PIPELINE_ID"))
public class StageEntity {
    @Id
    @TableGenerator(name = "DEAL_STAGE_GEN", table = "DEAL_IDS", pkColumnName = "GEN_KEY",
            valueColumnName = "GEN_VALUE", pkColumnValue = "stage", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "DEAL_STAGE_GEN")
    private Long id;

    @Version
    private long version;

    @Column(name = "PIPELINE_ID", nullable = false)
    private long pipelineId;

    @Column(name = "NAME", nullable = false, length = 100)
    private String name;

    @Column(name = "STAGE_POSITION", nullable = false)
    private int position;

    @Column(name = "PROBABILITY", nullable = false)
    private int probability;

    @Enumerated(EnumType.STRING)
    @Column(name = "KIND", nullable = false, length = 10)
    private StageKind kind;

    @Column(name = "REMOVED", nullable = false)
    private boolean removed;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "DEAL_STAGE_TASK", joinColumns = @JoinColumn(name = "STAGE_ID"),
            foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT),
            indexes = @Index(name = "DEAL_STAGE_TASK_OWNER_IX", columnList = "STAGE_ID"))
    @OrderColumn(name = "TASK_POSITION")
    private List<TaskTemplateValue> taskTemplates = new ArrayList<>();

    public Long getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    public long getPipelineId() {
        return pipelineId;
    }

    public void setPipelineId(long pipelineId) {
        this.pipelineId = pipelineId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public int getPosition() {
        return position;
    }

    public void setPosition(int position) {
        this.position = position;
    }

    public int getProbability() {
        return probability;
    }

    public void setProbability(int probability) {
        this.probability = probability;
    }

    public StageKind getKind() {
        return kind;
    }

    public void setKind(StageKind kind) {
        this.kind = kind;
    }

    public boolean isRemoved() {
        return removed;
    }

    public void setRemoved(boolean removed) {
        this.removed = removed;
    }

    public List<TaskTemplateValue> getTaskTemplates() {
        return taskTemplates;
    }

    public void setTaskTemplates(List<TaskTemplateValue> taskTemplates) {
        this.taskTemplates = new ArrayList<>(taskTemplates);
    }
}
