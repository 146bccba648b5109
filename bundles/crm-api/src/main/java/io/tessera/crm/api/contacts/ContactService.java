package io.tessera.crm.api.contacts;

import io.tessera.crm.api.ArchivedStates;
import io.tessera.crm.api.Caller;
import io.tessera.crm.api.Page;
import java.util.Collection;
import java.util.Map;

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

    /**
     * {@link #isArchived} for many contacts at once (one query where the implementation can), for checking the links
     * of a batch: an entry for each id the caller may see; an id that does not exist or that the caller may not see
     * is absent.
     */
    default Map<Long, Boolean> archivedStates(Caller caller, Collection<Long> ids) {
        return ArchivedStates.oneByOne(ids, id -> isArchived(caller, id));
    }

    ContactDto update(Caller caller, long id, long expectedVersion, ContactInput input);

    ContactDto archive(Caller caller, long id);

    ContactDto restore(Caller caller, long id);

    Page<ContactDto> list(Caller caller, RecordQuery query);
}
