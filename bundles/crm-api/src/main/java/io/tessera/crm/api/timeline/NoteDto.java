package io.tessera.crm.api.timeline;

import java.time.Instant;

public record NoteDto(long id, long version, String text, Long companyId, Long contactId, Long dealId,
                      String author, boolean archived, Instant createdAt, Instant updatedAt) {
}
