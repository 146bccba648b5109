package io.tessera.crm.api.tasks;

import java.time.Instant;

/**
 * What a client may set on a task. {@code assignee} null means the caller; {@code priority} null means NORMAL;
 * {@code status} null means OPEN on create. {@code parentId} makes it a subtask. The links are optional and checked.
 */
public record TaskInput(String title, String description, Instant dueAt, Instant remindAt, String assignee,
                        Priority priority, TaskStatus status, Long parentId, Long companyId, Long contactId,
                        Long dealId) {
}
