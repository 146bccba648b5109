package io.tessera.crm.tasks.internal;

import io.tessera.crm.support.jpa.InstantConverter;
import io.tessera.crm.api.tasks.Priority;
import io.tessera.crm.api.tasks.TaskStatus;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.Version;

/**
 * A task. Parent, company, contact and deal are plain ids (the last three are other bundles' records).
 * {@code reminderSentAt} is set once the reminder for the current {@code remindAt} went out; changing
 * {@code remindAt} clears it, so the new time is reminded of again.
 */
@Entity
@Table(name = "TASK_TASK", indexes = {
        @Index(name = "TASK_TASK_ASSIGNEE_IX", columnList = "ASSIGNEE"),
        @Index(name = "TASK_TASK_DUE_IX", columnList = "DUE_AT"),
        @Index(name = "TASK_TASK_REMIND_IX", columnList = "REMIND_AT"),
        @Index(name = "TASK_TASK_PARENT_IX", columnList = "PARENT_ID"),
        @Index(name = "TASK_TASK_COMPANY_IX", columnList = "COMPANY_ID"),
        @Index(name = "TASK_TASK_CONTACT_IX", columnList = "CONTACT_ID"),
        @Index(name = "TASK_TASK_DEAL_IX", columnList = "DEAL_ID")})
public class TaskEntity {
    @Id
    @TableGenerator(name = "TASK_TASK_GEN", table = "TASK_IDS", pkColumnName = "GEN_KEY",
            valueColumnName = "GEN_VALUE", pkColumnValue = "task", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "TASK_TASK_GEN")
    private Long id;

    @Version
    private long version;

    @Column(name = "TITLE", nullable = false, length = 200)
    private String title;

    @Column(name = "DESCRIPTION", length = 10000)
    private String description;

    @Convert(converter = InstantConverter.class)
    @Column(name = "DUE_AT")
    private Instant dueAt;

    @Convert(converter = InstantConverter.class)
    @Column(name = "REMIND_AT")
    private Instant remindAt;

    @Convert(converter = InstantConverter.class)
    @Column(name = "REMINDER_SENT_AT")
    private Instant reminderSentAt;

    @Column(name = "ASSIGNEE", nullable = false, length = 100)
    private String assignee;

    @Enumerated(EnumType.STRING)
    @Column(name = "PRIORITY", nullable = false, length = 10)
    private Priority priority;

    /** {@link Priority#ordinal()}, so that lists sort LOW &lt; NORMAL &lt; HIGH &lt; URGENT. */
    @Column(name = "PRIORITY_RANK", nullable = false)
    private int priorityRank;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", nullable = false, length = 12)
    private TaskStatus status;

    @Column(name = "PARENT_ID")
    private Long parentId;

    @Column(name = "COMPANY_ID")
    private Long companyId;

    @Column(name = "CONTACT_ID")
    private Long contactId;

    @Column(name = "DEAL_ID")
    private Long dealId;

    @Convert(converter = InstantConverter.class)
    @Column(name = "COMPLETED_AT")
    private Instant completedAt;

    @Column(name = "CREATED_BY", nullable = false, length = 100)
    private String createdBy;

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

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public void setDueAt(Instant dueAt) {
        this.dueAt = dueAt;
    }

    public Instant getRemindAt() {
        return remindAt;
    }

    public void setRemindAt(Instant remindAt) {
        this.remindAt = remindAt;
    }

    public Instant getReminderSentAt() {
        return reminderSentAt;
    }

    public void setReminderSentAt(Instant reminderSentAt) {
        this.reminderSentAt = reminderSentAt;
    }

    public String getAssignee() {
        return assignee;
    }

    public void setAssignee(String assignee) {
        this.assignee = assignee;
    }

    public Priority getPriority() {
        return priority;
    }

    /** Also sets the rank the lists sort by (LOW 0 .. URGENT 3). */
    public void setPriority(Priority priority) {
        this.priority = priority;
        this.priorityRank = priority.ordinal();
    }

    public int getPriorityRank() {
        return priorityRank;
    }

    public TaskStatus getStatus() {
        return status;
    }

    public void setStatus(TaskStatus status) {
        this.status = status;
    }

    public Long getParentId() {
        return parentId;
    }

    public void setParentId(Long parentId) {
        this.parentId = parentId;
    }

    public Long getCompanyId() {
        return companyId;
    }

    public void setCompanyId(Long companyId) {
        this.companyId = companyId;
    }

    public Long getContactId() {
        return contactId;
    }

    public void setContactId(Long contactId) {
        this.contactId = contactId;
    }

    public Long getDealId() {
        return dealId;
    }

    public void setDealId(Long dealId) {
        this.dealId = dealId;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }

    public void setCompletedAt(Instant completedAt) {
        this.completedAt = completedAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public void setCreatedBy(String createdBy) {
        this.createdBy = createdBy;
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
