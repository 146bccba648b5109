package io.tessera.crm.support.testing;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.NotFoundException;
import io.tessera.crm.api.Page;
import io.tessera.crm.api.contacts.ContactDto;
import io.tessera.crm.api.contacts.ContactInput;
import io.tessera.crm.api.contacts.ContactService;
import io.tessera.crm.api.contacts.RecordQuery;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Contacts known by id, each with an owner; visibility as the real service. */
public class FakeContacts implements ContactService {
    public final Map<Long, ContactDto> byId = new HashMap<>();

    public FakeContacts add(long id, String owner, boolean archived) {
        byId.put(id, new ContactDto(id, 0, "First" + id, "Last" + id, null, List.of(), List.of(), null, null,
                Set.of(), Map.of(), owner, null, List.of(), archived, Instant.EPOCH, Instant.EPOCH));
        return this;
    }

    @Override
    public ContactDto get(Caller caller, long id) {
        ContactDto c = byId.get(id);
        if (c == null || !caller.mayAccess(c.owner())) {
            throw new NotFoundException("contact", id);
        }
        return c;
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
