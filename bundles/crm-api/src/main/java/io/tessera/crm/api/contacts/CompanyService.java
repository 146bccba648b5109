package io.tessera.crm.api.contacts;

import io.tessera.crm.api.ArchivedStates;
import io.tessera.crm.api.Caller;
import io.tessera.crm.api.Page;
import java.util.Collection;
import java.util.Map;

/**
 * Companies. Every method enforces visibility: a record the caller may not see answers
 * {@link io.tessera.crm.api.NotFoundException} exactly as a missing one.
 */
public interface CompanyService {
    CompanyDto create(Caller caller, CompanyInput input);

    /** Archived records are returned too (with {@code archived=true}): links and the timeline still point at them. */
    CompanyDto get(Caller caller, long id);

    /** Whether the company is archived, as {@link ContactService#isArchived}. */
    default boolean isArchived(Caller caller, long id) {
        return get(caller, id).archived();
    }

    /**
     * {@link #isArchived} for many companies at once (one query where the implementation can), for checking the links
     * of a batch: an entry for each id the caller may see; an id that does not exist or that the caller may not see
     * is absent.
     */
    default Map<Long, Boolean> archivedStates(Caller caller, Collection<Long> ids) {
        return ArchivedStates.oneByOne(ids, id -> isArchived(caller, id));
    }

    /** Replaces every field; {@code expectedVersion} must match the stored version. */
    CompanyDto update(Caller caller, long id, long expectedVersion, CompanyInput input);

    CompanyDto archive(Caller caller, long id);

    CompanyDto restore(Caller caller, long id);

    Page<CompanyDto> list(Caller caller, RecordQuery query);
}
