package io.tessera.crm.api.contacts;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.Page;

/** Contacts (persons). Visibility as in {@link CompanyService}. */
public interface ContactService {
    ContactDto create(Caller caller, ContactInput input);

    ContactDto get(Caller caller, long id);

    /**
     * Whether the contact is archived: what a link to it from a deal or task needs to know, without reading the whole
     * card. Throws {@link io.tessera.crm.api.NotFoundException} as {@link #get} does.
     */
    default boolean isArchived(Caller caller, long id) {
        return get(caller, id).archived();
    }

    ContactDto update(Caller caller, long id, long expectedVersion, ContactInput input);

    ContactDto archive(Caller caller, long id);

    ContactDto restore(Caller caller, long id);

    Page<ContactDto> list(Caller caller, RecordQuery query);
}
