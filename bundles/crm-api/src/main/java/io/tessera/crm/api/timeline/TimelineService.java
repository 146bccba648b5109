package io.tessera.crm.api.timeline;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.Page;

/**
 * The history of a company, contact or deal, newest first. Entries come from the CRM's events
 * ({@link io.tessera.crm.api.CrmEvents}), so any bundle or module adds to it by posting an event with the ids it
 * concerns. The caller must be allowed to see the record whose history is asked for.
 */
public interface TimelineService {
    Page<TimelineEntryDto> history(Caller caller, TimelineQuery query);
}
