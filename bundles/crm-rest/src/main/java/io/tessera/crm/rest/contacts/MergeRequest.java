package io.tessera.crm.rest.contacts;

/** The body of {@code POST /contacts/{id}/merge} and {@code POST /companies/{id}/merge}: the card to merge in. */
public record MergeRequest(Long mergeId) {
}
