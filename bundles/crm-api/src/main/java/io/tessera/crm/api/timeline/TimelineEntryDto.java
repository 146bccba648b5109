package io.tessera.crm.api.timeline;

import java.time.Instant;
import java.util.List;

/**
 * One line in a client's history. {@code kind} is the event's entity and action ("deal/STAGE_CHANGED",
 * "task/COMPLETED", "note/CREATED", or a module's own such as "call/LOGGED"); {@code text} is a note's body.
 */
public record TimelineEntryDto(long id, Instant at, String kind, String entity, Long entityId, String summary,
                               String actor, String text, List<Long> companyIds, List<Long> contactIds,
                               List<Long> dealIds) {
}
