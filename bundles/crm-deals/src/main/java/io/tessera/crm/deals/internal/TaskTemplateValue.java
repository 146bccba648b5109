package io.tessera.crm.deals.internal;

import io.tessera.crm.api.tasks.Priority;
import javax.persistence.Column;
import javax.persistence.Embeddable;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;

/** A task template of a stage (element of {@link StageEntity#getTaskTemplates()}). */
@Embeddable
public class TaskTemplateValue {
    @Column(name = "TITLE", nullable = false, length = 200)
    private String title;

    @Column(name = "DESCRIPTION", length = 10000)
    private String description;

    @Column(name = "DUE_IN_HOURS", nullable = false)
    private int dueInHours;

    @Enumerated(EnumType.STRING)
    @Column(name = "PRIORITY", nullable = false, length = 20)
    private Priority priority;

    public TaskTemplateValue() {
    }

    public TaskTemplateValue(String title, String description, int dueInHours, Priority priority) {
        this.title = title;
        this.description = description;
        this.dueInHours = dueInHours;
        this.priority = priority;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public int getDueInHours() {
        return dueInHours;
    }

    public Priority getPriority() {
        return priority;
    }
}
