package io.tessera.crm.importer.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.CrmException;
import io.tessera.crm.api.contacts.BatchResult;
import io.tessera.crm.api.contacts.CompanyInput;
import io.tessera.crm.api.contacts.ContactBatchService;
import io.tessera.crm.api.contacts.ContactInput;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The companies a buffer of a contact file names and the base lacks. While the rows are decided they have provisional
 * (negative) ids; when the buffer is written, those its contacts link to are created in one batch call
 * ({@link ContactBatchService#createCompanies}) — one at a time they cost more than the contacts themselves — and the
 * contacts' inputs and the rows get the real ids.
 */
final class NewCompanies {
    private final Map<Long, CompanyInput> pending = new LinkedHashMap<>();
    private final Map<Long, Long> created = new HashMap<>();
    private final Map<Long, CrmException> refused = new HashMap<>();

    void add(long provisionalId, CompanyInput input) {
        pending.put(provisionalId, input);
    }

    /** Creates the pending companies that {@code linked} (the company ids of the contacts to write) names. */
    void create(Caller caller, ContactBatchService batch, Set<Long> linked) {
        created.clear();
        refused.clear();
        List<Long> ids = pending.keySet().stream().filter(linked::contains).toList();
        List<BatchResult> results = ids.isEmpty() ? List.of()
                : batch.createCompanies(caller, ids.stream().map(pending::get).toList());
        for (int k = 0; k < ids.size(); k++) {
            if (results.get(k).ok()) {
                created.put(ids.get(k), results.get(k).id());
            } else {
                refused.put(ids.get(k), results.get(k).error());
            }
        }
        pending.clear();
    }

    /** The real id for a provisional one (null when the company was not created); other ids as they are. */
    Long real(Long id) {
        return id == null || id >= 0 ? id : created.get(id);
    }

    /** Why a company of these ids was refused, or null. */
    CrmException refusal(Collection<Long> companyIds) {
        for (Long id : companyIds) {
            if (id != null && refused.containsKey(id)) {
                return refused.get(id);
            }
        }
        return null;
    }

    /** The contact's input with the real ids of its new companies. */
    ContactInput resolve(ContactInput in) {
        List<Long> ids = new ArrayList<>();
        for (Long id : in.companyIds()) {
            ids.add(real(id));
        }
        return new ContactInput(in.firstName(), in.lastName(), in.position(), in.phones(), in.emails(), in.birthday(),
                in.notes(), in.tags(), in.customFields(), in.owner(), in.source(), ids);
    }
}
