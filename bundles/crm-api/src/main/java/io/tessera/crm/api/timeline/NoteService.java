package io.tessera.crm.api.timeline;

import io.tessera.crm.api.Caller;

/** Notes; each appears in the timeline of the records it is about. */
public interface NoteService {
    NoteDto create(Caller caller, NoteInput input);

    NoteDto get(Caller caller, long id);

    NoteDto update(Caller caller, long id, long expectedVersion, NoteInput input);

    NoteDto archive(Caller caller, long id);

    NoteDto restore(Caller caller, long id);
}
