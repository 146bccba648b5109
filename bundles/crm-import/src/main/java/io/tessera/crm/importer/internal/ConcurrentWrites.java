package io.tessera.crm.importer.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.CrmEvents;
import io.tessera.crm.api.contacts.CompanyDto;
import io.tessera.crm.api.contacts.ContactBatchService;
import io.tessera.crm.api.contacts.ContactDto;
import io.tessera.crm.api.contacts.DuplicateService;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Contacts and companies written by others (a salesperson, another service) while an import runs. The import's
 * {@link ContactBatchService.KeySummary} of the base is taken once, at the start, and a value it says no record has is
 * not looked up; so the ids of the records others create, change, restore or merge into meanwhile are noted here
 * (from their events, on the writer's thread) and, before each buffer, read and their values added to the keys the
 * import looks up ({@link RecordIndex#writtenElsewhere}). A row with an e-mail a colleague has just saved then finds
 * that card instead of making a second one. A write whose event comes while a buffer is being decided counts from
 * the next buffer.
 */
final class ConcurrentWrites {
    private final ConcurrentLinkedQueue<Long> contacts = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> companies = new ConcurrentLinkedQueue<>();

    /** Called with every contact or company event (on the thread that wrote). */
    void note(String entity, long id) {
        if (CrmEvents.CONTACT.equals(entity)) {
            contacts.add(id);
        } else if (CrmEvents.COMPANY.equals(entity)) {
            companies.add(id);
        }
    }

    /** Reads the records noted since the last call (those the caller may see) and gives their values to the index. */
    void addTo(RecordIndex index, Caller caller, ContactBatchService batch) {
        Set<Long> contactIds = drain(contacts);
        Set<Long> companyIds = drain(companies);
        if (!contactIds.isEmpty()) {
            List<String> emails = new ArrayList<>();
            List<String> phones = new ArrayList<>();
            for (ContactDto c : batch.getContacts(caller, contactIds)) {
                emails.addAll(c.emails());
                phones.addAll(c.phones());
            }
            index.writtenElsewhere(batch, DuplicateService.RULE_EMAIL, emails);
            index.writtenElsewhere(batch, DuplicateService.RULE_PHONE, phones);
        }
        if (!companyIds.isEmpty()) {
            List<String> taxIds = new ArrayList<>();
            List<String> domains = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (CompanyDto c : batch.getCompanies(caller, companyIds)) {
                addIfPresent(taxIds, c.taxId());
                addIfPresent(domains, c.domain());
                addIfPresent(names, c.name());
            }
            index.writtenElsewhere(batch, DuplicateService.RULE_TAX_ID, taxIds);
            index.writtenElsewhere(batch, DuplicateService.RULE_DOMAIN, domains);
            index.writtenElsewhere(batch, DuplicateService.RULE_NAME, names);
        }
    }

    private static Set<Long> drain(ConcurrentLinkedQueue<Long> queue) {
        Set<Long> ids = new LinkedHashSet<>();
        for (Long id = queue.poll(); id != null; id = queue.poll()) {
            ids.add(id);
        }
        return ids;
    }

    private static void addIfPresent(List<String> values, String value) {
        if (value != null) {
            values.add(value);
        }
    }
}
