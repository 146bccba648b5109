package io.tessera.crm.api.tasks;

import java.time.Instant;
import java.util.List;

/** A task as the API shows it; {@code overdue} is true for an unfinished task past its due time. */
public record TaskDto(long id, long version, String title, String description, Instant dueAt, Instant remindAt,
                      String assignee, Priority priority, TaskStatus status, Long parentId, List<Long> subtaskIds,
                      Long companyId, Long contactId, Long dealId, boolean overdue, Instant completedAt,
                      String createdBy, boolean archived, Instant createdAt, Instant updatedAt) {
}
