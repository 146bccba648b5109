package io.tessera.crm.api.contacts;

import java.time.Instant;
import java.util.List;

/**
 * One merge of a card into another, as stored on the survivor.
 *
 * @param survivorId the card that stayed and received everything
 * @param mergedId   the card that was merged in; it is archived with a pointer to the survivor, and restorable
 * @param mergedAt   when
 * @param mergedBy   the user who merged
 * @param conflicts  the merged card's values the survivor did not take (possibly empty)
 */
public record MergeRecord(long survivorId, long mergedId, Instant mergedAt, String mergedBy,
                          List<MergeConflict> conflicts) {
    public MergeRecord {
        conflicts = List.copyOf(conflicts);
    }
}
