package io.tessera.crm.api.tasks;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.Page;

/** Tasks. A sales user sees the tasks assigned to them; managers and admins see all. */
public interface TaskService {
    TaskDto create(Caller caller, TaskInput input);

    TaskDto get(Caller caller, long id);

    TaskDto update(Caller caller, long id, long expectedVersion, TaskInput input);

    TaskDto complete(Caller caller, long id, long expectedVersion);

    TaskDto reopen(Caller caller, long id, long expectedVersion);

    TaskDto archive(Caller caller, long id);

    TaskDto restore(Caller caller, long id);

    Page<TaskDto> list(Caller caller, TaskQuery query);
}
