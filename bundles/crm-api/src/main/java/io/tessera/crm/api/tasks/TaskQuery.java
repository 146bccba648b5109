package io.tessera.crm.api.tasks;

import io.tessera.crm.api.Paging;

/**
 * A task list request; every filter is optional. {@code sort}: {@code dueAt} (default), {@code -dueAt},
 * {@code priority}, {@code -priority}, {@code createdAt}, {@code -createdAt}.
 */
public record TaskQuery(String q, String assignee, TaskStatus status, Boolean overdue, Long companyId,
                        Long contactId, Long dealId, Long parentId, boolean archived, String sort, Paging paging) {
    public TaskQuery {
        paging = paging == null ? Paging.FIRST : paging;
    }

    public static TaskQuery all() {
        return new TaskQuery(null, null, null, null, null, null, null, null, false, null, Paging.FIRST);
    }
}
