package io.tessera.crm.timeline.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.NotFoundException;
import io.tessera.crm.api.Page;
import io.tessera.crm.api.contacts.CompanyDto;
import io.tessera.crm.api.contacts.CompanyInput;
import io.tessera.crm.api.contacts.CompanyService;
import io.tessera.crm.api.contacts.ContactDto;
import io.tessera.crm.api.contacts.ContactInput;
import io.tessera.crm.api.contacts.ContactService;
import io.tessera.crm.api.contacts.RecordQuery;
import io.tessera.crm.api.deals.DealDto;
import io.tessera.crm.api.deals.DealInput;
import io.tessera.crm.api.deals.DealQuery;
import io.tessera.crm.api.deals.DealService;
import io.tessera.crm.api.deals.DealStatus;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * In-memory stand-ins for the contacts and deals bundles: records are ids with an owner; {@code get} answers
 * NotFoundException for a missing record and for one the caller may not see, as the real services do, and returns
 * archived records too.
 */
final class FakeRecords {
    private FakeRecords() {
    }

    /** Ids and owners; counts the lookups so tests can see the check happened. */
    static class Owners {
        final Map<Long, String> owners = new HashMap<>();
        final Set<Long> archived = new HashSet<>();
        int gets;

        Owners add(long id, String owner) {
            owners.put(id, owner);
            return this;
        }

        void archive(long id) {
            archived.add(id);
        }

        String check(String entity, Caller caller, long id) {
            gets++;
            String owner = owners.get(id);
            if (owner == null || !caller.mayAccess(owner)) {
                throw new NotFoundException(entity, id);
            }
            return owner;
        }
    }

    static final class Companies extends Owners implements CompanyService {
        @Override
        public CompanyDto get(Caller caller, long id) {
            String owner = check("company", caller, id);
            return new CompanyDto(id, 1, "Company " + id, null, null, null, null, null, List.of(), List.of(), null,
                    Set.of(), Map.of(), owner, archived.contains(id), Instant.EPOCH, Instant.EPOCH);
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

    static final class Contacts extends Owners implements ContactService {
        @Override
        public ContactDto get(Caller caller, long id) {
            String owner = check("contact", caller, id);
            return new ContactDto(id, 1, "First", "Last " + id, null, List.of(), List.of(), null, null, Set.of(),
                    Map.of(), owner, null, List.of(), archived.contains(id), Instant.EPOCH, Instant.EPOCH);
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

    static final class Deals extends Owners implements DealService {
        @Override
        public DealDto get(Caller caller, long id) {
            String owner = check("deal", caller, id);
            return new DealDto(id, 1, "Deal " + id, 1, 1, DealStatus.values()[0], null, null, null, owner, null,
                    List.of(), null, null, null, null, List.of(), archived.contains(id), Instant.EPOCH, Instant.EPOCH);
        }

        @Override
        public DealDto create(Caller caller, DealInput input) {
            throw new UnsupportedOperationException();
        }

        @Override
        public DealDto update(Caller caller, long id, long expectedVersion, DealInput input) {
            throw new UnsupportedOperationException();
        }

        @Override
        public DealDto moveToStage(Caller caller, long id, long expectedVersion, long stageId, String lossReason,
                                   String lossComment) {
            throw new UnsupportedOperationException();
        }

        @Override
        public DealDto archive(Caller caller, long id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public DealDto restore(Caller caller, long id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Page<DealDto> list(Caller caller, DealQuery query) {
            throw new UnsupportedOperationException();
        }
    }
}
