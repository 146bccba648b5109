package io.tessera.crm.api.contacts;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.Page;

/** Contacts (persons). Visibility as in {@link CompanyService}. */
public interface ContactService {
    ContactDto create(Caller caller, ContactInput input);

    ContactDto get(Caller caller, long id);

    ContactDto update(Caller caller, long id, long expectedVersion, ContactInput input);

    ContactDto archive(Caller caller, long id);

    ContactDto restore(Caller caller, long id);

    Page<ContactDto> list(Caller caller, RecordQuery query);
}
