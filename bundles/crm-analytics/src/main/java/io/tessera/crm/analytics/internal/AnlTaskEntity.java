package io.tessera.crm.analytics.internal;

import io.tessera.crm.support.jpa.InstantConverter;
import io.tessera.crm.api.tasks.TaskStatus;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.Version;

/** The analytics copy of one task (id = the task's id), for the per-manager count of open overdue tasks. */
@Entity
@Table(name = "ANL_TASK", indexes = {
        @Index(name = "ANL_TASK_OVERDUE_IX", columnList = "ARCHIVED, STATUS, DUE_AT, ASSIGNEE")})
public class AnlTaskEntity {
    @Id
    @Column(name = "TASK_ID")
    private long id;

    @Version
    private long version;

    @Column(name = "SOURCE_VERSION", nullable = false)
    private long sourceVersion;

    @Column(name = "ASSIGNEE", nullable = false, length = 100)
    private String assignee;

    @Convert(converter = InstantConverter.class)
    @Column(name = "DUE_AT")
    private Instant dueAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", nullable = false, length = 12)
    private TaskStatus status;

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

    public String getAssignee() {
        return assignee;
    }

    public void setAssignee(String assignee) {
        this.assignee = assignee;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public void setDueAt(Instant dueAt) {
        this.dueAt = dueAt;
    }

    public TaskStatus getStatus() {
        return status;
    }

    public void setStatus(TaskStatus status) {
        this.status = status;
    }

    public boolean isArchived() {
        return archived;
    }

    public void setArchived(boolean archived) {
        this.archived = archived;
    }
}
