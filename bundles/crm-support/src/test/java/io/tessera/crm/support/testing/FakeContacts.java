package io.tessera.crm.support.testing;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.Page;
import io.tessera.crm.api.contacts.ContactDto;
import io.tessera.crm.api.contacts.ContactInput;
import io.tessera.crm.api.contacts.ContactService;
import io.tessera.crm.api.contacts.RecordQuery;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Contacts known by id, each with an owner; visibility as the real service. */
public class FakeContacts extends OwnedRecords<ContactDto> implements ContactService {
    public FakeContacts() {
        super("contact", ContactDto::owner);
    }

    public FakeContacts add(long id, String owner) {
        return add(id, owner, false);
    }

    public FakeContacts add(long id, String owner, boolean archived) {
        byId.put(id, new ContactDto(id, 0, "First" + id, "Last" + id, null, List.of(), List.of(), null, null,
                Set.of(), Map.of(), owner, null, List.of(), archived, Instant.EPOCH, Instant.EPOCH));
        return this;
    }

    public FakeContacts markArchived(long id) {
        return add(id, byId.get(id).owner(), true);
    }

    @Override
    public ContactDto get(Caller caller, long id) {
        return find(caller, id);
    }

    @Override
    public ContactDto create(Caller caller, ContactInput input) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ContactDto update(Caller caller, long id, long expectedVersion, ContactInput input) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ContactDto archive(Caller caller, long id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ContactDto restore(Caller caller, long id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Page<ContactDto> list(Caller caller, RecordQuery query) {
        throw new UnsupportedOperationException();
    }
}
