package io.tessera.crm.importer.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.Page;
import io.tessera.crm.api.Paging;
import io.tessera.crm.api.contacts.CompanyDto;
import io.tessera.crm.api.contacts.CompanyService;
import io.tessera.crm.api.contacts.ContactDto;
import io.tessera.crm.api.contacts.ContactService;
import io.tessera.crm.api.contacts.RecordQuery;
import io.tessera.crm.api.imports.ImportOptions.Entity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Duplicate keys ("e:mail", "p:+7912...", "n:ivan petrov|acme", "t:taxid", "d:domain") to record ids, for the base
 * (preloaded once per job through the contacts services, paging the live records the caller sees) and for what the
 * import itself writes. One lookup per row instead of one query per key and row.
 * <p>TODO(lead): when crm-contacts offers {@code DuplicateService.matchContacts/matchCompanies}, use it instead of the
 * preload for imports into a large base (the preload pages through every live record).
 */
final class RecordIndex {
    private final Map<String, Long> contacts = new HashMap<>();
    private final Map<String, Long> companies = new HashMap<>();
    private final Map<Long, String> companyNames = new HashMap<>();
    /** The keys added for provisional (negative) ids, until the record is written; null when not tracked (dry run). */
    private final Map<Long, List<String>> provisional;

    /** @param trackProvisional whether provisional ids will be {@link #renumber renumbered} or {@link #forget forgotten} */
    RecordIndex(boolean trackProvisional) {
        this.provisional = trackProvisional ? new HashMap<>() : null;
    }

    void preload(Caller caller, Entity entity, ContactService contactService, CompanyService companyService,
                 PhoneNormalizer phones) {
        String cursor = null;
        do {
            Page<CompanyDto> page = companyService.list(caller,
                    new RecordQuery(null, null, null, null, false, null, new Paging(Paging.MAX_LIMIT, cursor)));
            for (CompanyDto c : page.items()) {
                addCompany(c.id(), c.name(), c.taxId(), c.domain());
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        if (entity != Entity.CONTACTS) {
            return;
        }
        do {
            Page<ContactDto> page = contactService.list(caller,
                    new RecordQuery(null, null, null, null, false, null, new Paging(Paging.MAX_LIMIT, cursor)));
            for (ContactDto c : page.items()) {
                addContact(c, phones);
            }
            cursor = page.nextCursor();
        } while (cursor != null);
    }

    void addContact(ContactDto c, PhoneNormalizer phones) {
        c.emails().forEach(e -> contacts.putIfAbsent("e:" + e.toLowerCase(Locale.ROOT), c.id()));
        for (String p : c.phones()) {
            String e164 = phones.toE164(p);
            contacts.putIfAbsent("p:" + (e164 == null ? p : e164), c.id());
        }
        for (Long companyId : c.companyIds()) {
            String name = companyNames.get(companyId);
            if (name != null) {
                contacts.putIfAbsent(Draft.personKey(c.firstName(), c.lastName(), name), c.id());
            }
        }
    }

    void addCompany(long id, String name, String taxId, String domain) {
        if (taxId != null) {
            companies.putIfAbsent("t:" + taxId.toLowerCase(Locale.ROOT), id);
        }
        if (domain != null) {
            companies.putIfAbsent("d:" + domain, id);
        }
        if (name != null) {
            companies.putIfAbsent("n:" + name.toLowerCase(Locale.ROOT), id);
            companyNames.putIfAbsent(id, name);
        }
    }

    void addKeys(Entity entity, List<String> keys, long id) {
        Map<String, Long> map = entity == Entity.COMPANIES ? companies : contacts;
        keys.forEach(k -> map.putIfAbsent(k, id));
        if (id < 0 && provisional != null) {
            provisional.computeIfAbsent(id, x -> new ArrayList<>()).addAll(keys);
        }
    }

    /** The record with the provisional id {@code from} was written as {@code to}. */
    void renumber(Entity entity, long from, long to) {
        Map<String, Long> map = entity == Entity.COMPANIES ? companies : contacts;
        List<String> keys = provisional == null ? null : provisional.remove(from);
        if (keys != null) {
            keys.forEach(k -> map.replace(k, from, to));
        }
    }

    /** The record with the provisional id was not written: its keys no longer match anything. */
    void forget(Entity entity, long id) {
        Map<String, Long> map = entity == Entity.COMPANIES ? companies : contacts;
        List<String> keys = provisional == null ? null : provisional.remove(id);
        if (keys != null) {
            keys.forEach(k -> map.remove(k, id));
        }
    }

    /** The record the first matching key points at, or null. */
    Long find(Entity entity, List<String> keys) {
        Map<String, Long> map = entity == Entity.COMPANIES ? companies : contacts;
        for (String k : keys) {
            Long id = map.get(k);
            if (id != null) {
                return id;
            }
        }
        return null;
    }

    Long companyByName(String name) {
        return companies.get("n:" + name.toLowerCase(Locale.ROOT));
    }
}
