package io.tessera.crm.deals.internal;

import io.tessera.crm.support.jpa.InstantConverter;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.Version;

/** A pipeline; its stages are {@link StageEntity} rows pointing at it by id. */
@Entity
@Table(name = "DEAL_PIPELINE")
public class PipelineEntity {
    @Id
    @TableGenerator(name = "DEAL_PIPELINE_GEN", table = "DEAL_IDS", pkColumnName = "GEN_KEY",
            valueColumnName = "GEN_VALUE", pkColumnValue = "pipeline", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "DEAL_PIPELINE_GEN")
    private Long id;

    @Version
    private long version;

    @Column(name = "NAME", nullable = false, length = 100)
    private String name;

    @Column(name = "DEFAULT_PIPELINE", nullable = false)
    private boolean defaultPipeline;

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

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public boolean isDefaultPipeline() {
        return defaultPipeline;
    }

    public void setDefaultPipeline(boolean defaultPipeline) {
        this.defaultPipeline = defaultPipeline;
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
