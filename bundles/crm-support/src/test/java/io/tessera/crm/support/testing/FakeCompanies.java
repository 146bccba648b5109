package io.tessera.crm.support.testing;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.Page;
import io.tessera.crm.api.contacts.CompanyDto;
import io.tessera.crm.api.contacts.CompanyInput;
import io.tessera.crm.api.contacts.CompanyService;
import io.tessera.crm.api.contacts.RecordQuery;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Companies known by id, each with an owner; visibility as the real service. */
public class FakeCompanies extends OwnedRecords<CompanyDto> implements CompanyService {
    public FakeCompanies() {
        super("company", CompanyDto::owner);
    }

    public FakeCompanies add(long id, String owner) {
        return add(id, owner, false);
    }

    public FakeCompanies add(long id, String owner, boolean archived) {
        byId.put(id, new CompanyDto(id, 0, "Company " + id, null, null, null, null, null, List.of(), List.of(), null,
                Set.of(), Map.of(), owner, archived, Instant.EPOCH, Instant.EPOCH));
        return this;
    }

    public FakeCompanies markArchived(long id) {
        return add(id, byId.get(id).owner(), true);
    }

    @Override
    public CompanyDto get(Caller caller, long id) {
        return find(caller, id);
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
