package io.tessera.crm.importer.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.contacts.CompanyDto;
import io.tessera.crm.api.contacts.CompanyInput;
import io.tessera.crm.api.contacts.CompanyService;
import io.tessera.crm.api.contacts.ContactBatchService;
import io.tessera.crm.api.contacts.ContactDto;
import io.tessera.crm.api.contacts.ContactInput;
import io.tessera.crm.api.contacts.ContactService;
import io.tessera.crm.api.imports.ImportOptions;
import io.tessera.crm.api.imports.ImportOptions.Entity;
import io.tessera.crm.api.imports.ImportOptions.Mode;
import io.tessera.crm.api.imports.ImportRowResult.Outcome;
import io.tessera.crm.importer.internal.RowReader.ParsedRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Decides a buffer's contact or company rows one by one against the duplicate index and in-memory copies of the
 * records they match: a row creates a record (under a provisional negative id), changes an existing one, merges into
 * one this import wrote, or is skipped. What it decided goes to {@link BufferRecords}, its outcome to
 * {@link RowOutcomes}; nothing is written here.
 */
final class RowDecider {
    private final Caller caller;
    private final ContactService contacts;
    private final CompanyService companies;
    private final ContactBatchService batch;
    private final ImportOptions options;
    private final PhoneNormalizer phones;
    private final RecordIndex index;
    private final RowOutcomes outcomes;
    private final BufferRecords records;
    private final Owners owners;
    /** Takes back the company a row created (its contact was not written after all). */
    private final Consumer<ImportRowEntity> undoCompany;
    /** Existing records the buffer's rows match, read in one call per buffer. */
    private final Map<Long, ContactDto> fetchedContacts = new HashMap<>();
    private final Map<Long, CompanyDto> fetchedCompanies = new HashMap<>();

    RowDecider(Caller caller, ContactService contacts, CompanyService companies, ContactBatchService batch,
               ImportOptions options, PhoneNormalizer phones, RecordIndex index, Owners owners, RowOutcomes outcomes,
               BufferRecords records, Consumer<ImportRowEntity> undoCompany) {
        this.owners = owners;
        this.caller = caller;
        this.contacts = contacts;
        this.companies = companies;
        this.batch = batch;
        this.options = options;
        this.phones = phones;
        this.index = index;
        this.outcomes = outcomes;
        this.records = records;
        this.undoCompany = undoCompany;
    }

    /**
     * Looks the buffer's keys up in the base, then reads the existing records its rows match, in one call (rows
     * matching records of the current buffer need none).
     */
    void lookUp(List<ParsedRow> buffer) {
        Entity entity = options.entity();
        index.lookUp(caller, batch, entity, buffer.stream().map(ParsedRow::draft).toList());
        Set<Long> ids = new HashSet<>();
        for (ParsedRow p : buffer) {
            if (!p.draft().rejected()) {
                Long target = index.find(entity, index.keys(entity, p.draft()));
                if (target != null && target > 0 && !records.hasState(entity, target)) {
                    ids.add(target);
                }
            }
        }
        if (ids.isEmpty()) {
            return;
        }
        if (entity == Entity.COMPANIES) {
            batch.getCompanies(caller, ids).forEach(c -> fetchedCompanies.put(c.id(), c));
        } else {
            batch.getContacts(caller, ids).forEach(c -> fetchedContacts.put(c.id(), c));
        }
    }

    /** The buffer is decided: the records read for it are not needed any more. */
    void bufferDecided() {
        fetchedContacts.clear();
        fetchedCompanies.clear();
    }

    void contactRow(ParsedRow p) {
        ImportRowEntity r = p.row();
        Draft d = p.draft();
        List<String> keys = index.keys(Entity.CONTACTS, d);
        Long target = index.find(Entity.CONTACTS, keys);
        Mode mode = options.mode();
        List<String> notes = new ArrayList<>(d.reportNotes);
        owners.settle(d, notes);
        if (target == null) {
            if (mode == Mode.UPDATE_ONLY) {
                outcomes.set(r, Outcome.SKIPPED, null, null, "no existing contact has this e-mail, phone or name");
                return;
            }
            List<Long> companyIds = companies(r, d, notes);
            ContactInput input = Merge.newContact(d, companyIds);
            long id = records.provisionalId();
            records.contacts.put(id, simulate(id, input));
            records.create(id, p);
            index.addKeys(Entity.CONTACTS, keys, id);
            outcomes.set(r, Outcome.CREATED, id, null, joined(notes));
            r.conflicts = null;
            return;
        }
        boolean own = records.touched.contains(target);
        if (!own && mode == Mode.CREATE_ONLY) {
            outcomes.set(r, Outcome.SKIPPED, target, null, "duplicate of contact " + target + " (create-only mode)");
            return;
        }
        ContactDto current = records.contacts.containsKey(target) ? records.contacts.get(target)
                : fetchedContacts.containsKey(target) ? fetchedContacts.get(target) : contacts.get(caller, target);
        Merge.Result<ContactInput> m = Merge.contact(current, d, companies(r, d, notes), phones);
        if (m.input() == null && !own) {
            undoCompany.accept(r);
            outcomes.set(r, Outcome.SKIPPED, target, null, "contact " + target + " already has these values");
            r.conflicts = conflicts(m.conflicts());
            return;
        }
        if (m.input() != null) {
            if (!own) {
                r.beforeImage = BeforeImage.encode(Merge.input(current));
            }
            records.contacts.put(target, simulate(target, m.input()));
            records.update(target, current.version());
        }
        records.tie(target, p, m.input() != null);
        index.addKeys(Entity.CONTACTS, keys, target);
        outcomes.set(r, own ? Outcome.MERGED : Outcome.UPDATED, target, null, joined(notes));
        r.conflicts = conflicts(m.conflicts());
    }

    /** The companies the row names, the first one (its deal's) first; sets {@link Draft#linkedCompanyId}. */
    private List<Long> companies(ImportRowEntity r, Draft d, List<String> notes) {
        List<Long> ids = new ArrayList<>(d.companies.size());
        for (String name : d.companies) {
            Long id = company(r, name, d.owner, notes);
            if (id != null && !ids.contains(id)) {
                ids.add(id);
            }
        }
        d.linkedCompanyId = ids.isEmpty() ? null : ids.get(0);
        return ids;
    }

    /** A company named in the row: found by name, else created (not in update-only mode). */
    private Long company(ImportRowEntity r, String name, String owner, List<String> notes) {
        Long id = index.companyByName(name);
        if (id != null) {
            return id;
        }
        if (options.mode() == Mode.UPDATE_ONLY) {
            notes.add("company '" + name + "' not found, not linked");
            return null;
        }
        CompanyInput input = new CompanyInput(name, null, null, null, null, List.of(), List.of(), null, Set.of(),
                Map.of(), owner);
        id = records.provisionalId();
        if (options.isDryRun()) {
            records.companies.put(id, simulate(id, input));
        } else {
            records.newCompanies.add(id, input);
        }
        r.addCreatedCompany(id);
        index.addCompany(id, name);
        notes.add("company '" + name + "' created");
        return id;
    }

    void companyRow(ParsedRow p) {
        ImportRowEntity r = p.row();
        Draft d = p.draft();
        List<String> keys = index.keys(Entity.COMPANIES, d);
        Long target = index.find(Entity.COMPANIES, keys);
        Mode mode = options.mode();
        List<String> notes = new ArrayList<>(d.reportNotes);
        owners.settle(d, notes);
        if (target == null) {
            if (mode == Mode.UPDATE_ONLY) {
                outcomes.set(r, Outcome.SKIPPED, null, null, "no existing company has this tax id, domain or name");
                return;
            }
            CompanyInput input = Merge.newCompany(d);
            long id = records.provisionalId();
            records.companies.put(id, simulate(id, input));
            records.create(id, p);
            index.addKeys(Entity.COMPANIES, keys, id);
            outcomes.set(r, Outcome.CREATED, id, null, joined(notes));
            return;
        }
        boolean own = records.touched.contains(target);
        if (!own && mode == Mode.CREATE_ONLY) {
            outcomes.set(r, Outcome.SKIPPED, target, null, "duplicate of company " + target + " (create-only mode)");
            return;
        }
        CompanyDto current = records.companies.containsKey(target) ? records.companies.get(target)
                : fetchedCompanies.containsKey(target) ? fetchedCompanies.get(target) : companies.get(caller, target);
        Merge.Result<CompanyInput> m = Merge.company(current, d, phones);
        if (m.input() == null && !own) {
            outcomes.set(r, Outcome.SKIPPED, target, null, "company " + target + " already has these values");
            r.conflicts = conflicts(m.conflicts());
            return;
        }
        if (m.input() != null) {
            if (!own) {
                r.beforeImage = BeforeImage.encode(Merge.input(current));
            }
            records.companies.put(target, simulate(target, m.input()));
            records.update(target, current.version());
        }
        records.tie(target, p, m.input() != null);
        index.addKeys(Entity.COMPANIES, keys, target);
        outcomes.set(r, own ? Outcome.MERGED : Outcome.UPDATED, target, null, joined(notes));
        r.conflicts = conflicts(m.conflicts());
    }

    private static String joined(List<String> notes) {
        return notes.isEmpty() ? null : String.join("; ", notes);
    }

    private static String conflicts(List<String> conflicts) {
        return conflicts.isEmpty() ? null : String.join("\n", conflicts);
    }

    private static ContactDto simulate(long id, ContactInput in) {
        return new ContactDto(id, 0, in.firstName(), in.lastName(), in.position(), in.phones(), in.emails(),
                in.birthday(), in.notes(), new TreeSet<>(in.tags()), in.customFields(), in.owner(), in.source(),
                in.companyIds(), false, null, null);
    }

    private static CompanyDto simulate(long id, CompanyInput in) {
        return new CompanyDto(id, 0, in.name(), in.legalName(), in.taxId(), in.industry(), in.website(),
                in.website() == null ? null : Draft.domainOf(in.website()), in.phones(), in.emails(), in.address(),
                new TreeSet<>(in.tags()), in.customFields(), in.owner(), false, null, null);
    }
}
