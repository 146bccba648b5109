package io.tessera.crm.support.testing;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.NotFoundException;
import io.tessera.crm.api.Page;
import io.tessera.crm.api.contacts.CompanyDto;
import io.tessera.crm.api.contacts.CompanyInput;
import io.tessera.crm.api.contacts.CompanyService;
import io.tessera.crm.api.contacts.RecordQuery;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Companies known by id, each with an owner; visibility as the real service. */
public class FakeCompanies implements CompanyService {
    public final Map<Long, CompanyDto> byId = new HashMap<>();

    public FakeCompanies add(long id, String owner, boolean archived) {
        byId.put(id, new CompanyDto(id, 0, "Company " + id, null, null, null, null, null, List.of(), List.of(), null,
                Set.of(), Map.of(), owner, archived, Instant.EPOCH, Instant.EPOCH));
        return this;
    }

    @Override
    public CompanyDto get(Caller caller, long id) {
        CompanyDto c = byId.get(id);
        if (c == null || !caller.mayAccess(c.owner())) {
            throw new NotFoundException("company", id);
        }
        return c;
    }

    @Override
    public CompanyDto create(Caller caller, CompanyInput input) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CompanyDto update(Caller caller, long id, long expectedVersion, CompanyInput input) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CompanyDto archive(Caller caller, long id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CompanyDto restore(Caller caller, long id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Page<CompanyDto> list(Caller caller, RecordQuery query) {
        throw new UnsupportedOperationException();
    }
}
