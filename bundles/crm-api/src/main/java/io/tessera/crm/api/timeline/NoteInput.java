package io.tessera.crm.api.timeline;

/** A free-text note about a company, a contact and/or a deal (at least one). */
public record NoteInput(String text, Long companyId, Long contactId, Long dealId) {
}
