package io.tessera.crm.api.tasks;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.Page;
import io.tessera.crm.api.contacts.BatchResult;
import java.util.List;

/** Tasks. A sales user sees the tasks assigned to them; managers and admins see all. */
public interface TaskService {
    TaskDto create(Caller caller, TaskInput input);

    /**
     * Creates many tasks in one transaction, for bulk work such as the import: every item is checked as
     * {@link #create} checks it, and an item that fails is reported in its {@link BatchResult} and not written (see
     * {@link io.tessera.crm.api.contacts.ContactBatchService} for the rules shared by every batch method). Instead of
     * one event per task, one {@code tessera/crm/task/CREATED_BATCH} event is posted (asynchronously) after the commit
     * (see {@link io.tessera.crm.api.CrmEvents#BATCH_SUFFIX}).
     *
     * @return one result per input item, in input order
     */
    default List<BatchResult> createAll(Caller caller, List<TaskInput> inputs) {
        return BatchResult.oneByOne(inputs, in -> {
            TaskDto task = create(caller, in);
            return BatchResult.ok(task.id(), task.version());
        });
    }

    TaskDto get(Caller caller, long id);

    TaskDto update(Caller caller, long id, long expectedVersion, TaskInput input);

    TaskDto complete(Caller caller, long id, long expectedVersion);

    TaskDto reopen(Caller caller, long id, long expectedVersion);

    TaskDto archive(Caller caller, long id);

    /**
     * Archives many tasks in one transaction, for bulk work such as undoing an import: each id is handled as
     * {@link #archive} handles it (one not visible to the caller fails alone with
     * {@link io.tessera.crm.api.NotFoundException}; one archived already succeeds and announces nothing). One
     * {@code tessera/crm/task/ARCHIVED_BATCH} event is posted (asynchronously) after the commit.
     *
     * @return one result per id, in order
     */
    default List<BatchResult> archiveAll(Caller caller, List<Long> ids) {
        return BatchResult.oneByOne(ids, id -> {
            TaskDto task = archive(caller, id);
            return BatchResult.ok(task.id(), task.version());
        });
    }

    TaskDto restore(Caller caller, long id);

    Page<TaskDto> list(Caller caller, TaskQuery query);
}
