package io.tessera.crm.importer.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.CrmException;
import io.tessera.crm.api.FieldError;
import io.tessera.crm.api.ValidationException;
import io.tessera.crm.api.contacts.CompanyDto;
import io.tessera.crm.api.contacts.CompanyInput;
import io.tessera.crm.api.contacts.CompanyService;
import io.tessera.crm.api.contacts.ContactDto;
import io.tessera.crm.api.contacts.ContactInput;
import io.tessera.crm.api.contacts.ContactService;
import io.tessera.crm.api.imports.ImportDto.Status;
import io.tessera.crm.api.imports.ImportOptions;
import io.tessera.crm.api.imports.ImportOptions.Entity;
import io.tessera.crm.api.imports.ImportOptions.Mode;
import io.tessera.crm.api.imports.ImportRowResult.Outcome;
import io.tessera.crm.support.jpa.Transactions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One import, run on the import thread: a counting pass over the file (rows total), the duplicate index, then the rows
 * one by one through the contacts services (each write its own transaction, so a rejected row leaves nothing behind),
 * with the report and the progress written every {@value #BATCH} rows in one transaction. A dry run computes the same
 * outcomes against in-memory copies and writes no record.
 */
final class ImportRun implements Runnable {
    static final int BATCH = 500;

    private final Job job;
    private final Caller caller;
    private final Path file;
    private final boolean deleteFile;
    private final Transactions tx;
    private final ContactService contacts;
    private final CompanyService companies;
    private final ImportOptions options;
    private final Entity entity;
    private final PhoneNormalizer phones;
    private final RecordIndex index = new RecordIndex();
    /** Records this import created or changed: later rows matching them are MERGED. */
    private final Set<Long> touched = new HashSet<>();
    /** Dry run only: the simulated state of every record the run "wrote" (ids of new ones are negative). */
    private final Map<Long, ContactDto> dryContacts = new HashMap<>();
    private final Map<Long, CompanyDto> dryCompanies = new HashMap<>();
    private long nextDryId = -1;
    private final List<ImportRowEntity> pending = new ArrayList<>();
    private List<String> header;
    private List<String> fields;

    ImportRun(Job job, Caller caller, Path file, boolean deleteFile, Transactions tx, ContactService contacts,
              CompanyService companies) {
        this.job = job;
        this.caller = caller;
        this.file = file;
        this.deleteFile = deleteFile;
        this.tx = tx;
        this.contacts = contacts;
        this.companies = companies;
        this.options = job.options;
        this.entity = options.entity();
        this.phones = new PhoneNormalizer(options.defaultRegion());
    }

    @Override
    public void run() {
        try {
            job.status = Status.RUNNING;
            job.startedAt = Instant.now();
            save();
            Table table = Table.open(file, job.fileName, options.encoding(), options.delimiter());
            job.encoding = table.encoding();
            job.delimiter = table.delimiter();
            long[] count = {0};
            table.read((i, cells) -> {
                count[0] = i;
                return !Thread.currentThread().isInterrupted();
            });
            job.rowsTotal = count[0];
            index.preload(caller, entity, contacts, companies, phones);
            table.read(this::row);
            flush();
            job.status = Thread.currentThread().isInterrupted() ? Status.FAILED : Status.DONE;
            if (job.status == Status.FAILED) {
                job.error = "stopped: the server is shutting down";
            }
        } catch (Exception | LinkageError e) {
            job.status = Status.FAILED;
            job.error = e.getMessage() == null ? e.toString() : e.getMessage();
            try {
                flush();
            } catch (RuntimeException ignored) {
                // the job row below still records the failure
            }
        } finally {
            job.finishedAt = Instant.now();
            try {
                save();
            } finally {
                if (deleteFile) {
                    try {
                        Files.deleteIfExists(file);
                    } catch (java.io.IOException ignored) {
                        // a temp file; the OS cleans it up
                    }
                }
                job.done.complete(null);
            }
        }
    }

    private boolean row(long i, List<String> cells) {
        if (i == 0) {
            header = cells;
            ColumnMapping.Result mapping = ColumnMapping.map(entity, cells, options.mapping());
            fields = mapping.fields();
            job.unmapped = mapping.unmapped();
            return true;
        }
        ImportRowEntity r = new ImportRowEntity();
        r.importId = job.id;
        r.rowNo = i;
        Draft d = Draft.parse(entity, header, fields, cells, phones);
        if (d.rejected()) {
            outcome(r, Outcome.REJECTED, null, d.badColumn, d.problem);
        } else {
            try {
                if (entity == Entity.COMPANIES) {
                    companyRow(r, d);
                } else {
                    contactRow(r, d);
                }
            } catch (ValidationException e) {
                FieldError fe = e.errors().get(0);
                String field = fe.field().replaceAll("\\[.*$", "").replaceAll("\\..*$", "");
                outcome(r, Outcome.REJECTED, null, d.columnOf.get(field), e.getMessage());
            } catch (CrmException e) {
                outcome(r, Outcome.REJECTED, null, null, e.getMessage());
            }
        }
        pending.add(r);
        job.rowsDone = i;
        if (pending.size() >= BATCH) {
            flush();
        }
        return !Thread.currentThread().isInterrupted();
    }

    private void outcome(ImportRowEntity r, Outcome outcome, Long recordId, String column, String message) {
        r.outcome = outcome.name();
        r.recordId = recordId;
        r.columnName = column == null ? null : cut(column, 300);
        r.message = message == null ? null : cut(message, 2000);
        switch (outcome) {
            case CREATED -> job.created++;
            case UPDATED -> job.updated++;
            case MERGED -> job.merged++;
            case SKIPPED -> job.skipped++;
            case REJECTED -> job.rejected++;
        }
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }

    private void contactRow(ImportRowEntity r, Draft d) {
        List<String> keys = d.keys(Entity.CONTACTS);
        Long target = index.find(Entity.CONTACTS, keys);
        Mode mode = options.mode();
        List<String> notes = new ArrayList<>();
        if (target == null) {
            if (mode == Mode.UPDATE_ONLY) {
                outcome(r, Outcome.SKIPPED, null, null, "no existing contact has this e-mail, phone or name");
                return;
            }
            Long companyId = company(r, d, notes);
            ContactInput input = Merge.newContact(d, companyId == null ? List.of() : List.of(companyId));
            long id;
            if (options.isDryRun()) {
                id = nextDryId--;
                dryContacts.put(id, simulate(id, input));
            } else {
                try {
                    id = contacts.create(caller, input).id();
                } catch (RuntimeException e) {
                    undoCompany(r);
                    throw e;
                }
            }
            touched.add(id);
            index.addKeys(Entity.CONTACTS, keys, id);
            outcome(r, Outcome.CREATED, id, null, notes.isEmpty() ? null : String.join("; ", notes));
            r.conflicts = null;
            return;
        }
        boolean own = touched.contains(target);
        if (!own && mode == Mode.CREATE_ONLY) {
            outcome(r, Outcome.SKIPPED, target, null, "duplicate of contact " + target + " (create-only mode)");
            return;
        }
        ContactDto current = dryContacts.containsKey(target) ? dryContacts.get(target) : contacts.get(caller, target);
        Long companyId = company(r, d, notes);
        Merge.Result<ContactInput> m = Merge.contact(current, d, companyId, phones);
        if (m.input() == null && !own) {
            undoCompany(r);
            outcome(r, Outcome.SKIPPED, target, null, "contact " + target + " already has these values");
            r.conflicts = conflicts(m.conflicts());
            return;
        }
        if (m.input() != null) {
            if (!own) {
                r.beforeImage = BeforeImage.encode(Merge.input(current));
            }
            if (options.isDryRun()) {
                dryContacts.put(target, simulate(target, m.input()));
            } else {
                try {
                    contacts.update(caller, target, current.version(), m.input());
                } catch (RuntimeException e) {
                    r.beforeImage = null;
                    undoCompany(r);
                    throw e;
                }
            }
        }
        touched.add(target);
        index.addKeys(Entity.CONTACTS, keys, target);
        outcome(r, own ? Outcome.MERGED : Outcome.UPDATED, target, null,
                notes.isEmpty() ? null : String.join("; ", notes));
        r.conflicts = conflicts(m.conflicts());
    }

    /** The company named in the row: found by name, else created (not in update-only mode). */
    private Long company(ImportRowEntity r, Draft d, List<String> notes) {
        if (d.company == null) {
            return null;
        }
        Long id = index.companyByName(d.company);
        if (id != null) {
            return id;
        }
        if (options.mode() == Mode.UPDATE_ONLY) {
            notes.add("company '" + d.company + "' not found, not linked");
            return null;
        }
        CompanyInput input = new CompanyInput(d.company, null, null, null, null, List.of(), List.of(), null, Set.of(),
                Map.of(), d.owner);
        if (options.isDryRun()) {
            id = nextDryId--;
            dryCompanies.put(id, simulate(id, input));
        } else {
            id = companies.create(caller, input).id();
        }
        r.createdCompanyId = id;
        index.addCompany(id, d.company, null, null);
        notes.add("company '" + d.company + "' created");
        return id;
    }

    /** A company created for a row whose contact then failed is archived again: no half-written row. */
    private void undoCompany(ImportRowEntity r) {
        if (r.createdCompanyId != null && !options.isDryRun()) {
            companies.archive(caller, r.createdCompanyId);
        }
        r.createdCompanyId = null;
    }

    private void companyRow(ImportRowEntity r, Draft d) {
        List<String> keys = d.keys(Entity.COMPANIES);
        Long target = index.find(Entity.COMPANIES, keys);
        Mode mode = options.mode();
        if (target == null) {
            if (mode == Mode.UPDATE_ONLY) {
                outcome(r, Outcome.SKIPPED, null, null, "no existing company has this tax id, domain or name");
                return;
            }
            CompanyInput input = Merge.newCompany(d);
            long id;
            if (options.isDryRun()) {
                id = nextDryId--;
                dryCompanies.put(id, simulate(id, input));
            } else {
                id = companies.create(caller, input).id();
            }
            touched.add(id);
            index.addKeys(Entity.COMPANIES, keys, id);
            outcome(r, Outcome.CREATED, id, null, null);
            return;
        }
        boolean own = touched.contains(target);
        if (!own && mode == Mode.CREATE_ONLY) {
            outcome(r, Outcome.SKIPPED, target, null, "duplicate of company " + target + " (create-only mode)");
            return;
        }
        CompanyDto current = dryCompanies.containsKey(target) ? dryCompanies.get(target)
                : companies.get(caller, target);
        Merge.Result<CompanyInput> m = Merge.company(current, d, phones);
        if (m.input() == null && !own) {
            outcome(r, Outcome.SKIPPED, target, null, "company " + target + " already has these values");
            r.conflicts = conflicts(m.conflicts());
            return;
        }
        if (m.input() != null) {
            if (!own) {
                r.beforeImage = BeforeImage.encode(Merge.input(current));
            }
            if (options.isDryRun()) {
                dryCompanies.put(target, simulate(target, m.input()));
            } else {
                companies.update(caller, target, current.version(), m.input());
            }
        }
        touched.add(target);
        index.addKeys(Entity.COMPANIES, keys, target);
        outcome(r, own ? Outcome.MERGED : Outcome.UPDATED, target, null, null);
        r.conflicts = conflicts(m.conflicts());
    }

    private static String conflicts(List<String> conflicts) {
        return conflicts.isEmpty() ? null : String.join("\n", conflicts);
    }

    private ContactDto simulate(long id, ContactInput in) {
        return new ContactDto(id, 0, in.firstName(), in.lastName(), in.position(), in.phones(), in.emails(),
                in.birthday(), in.notes(), new TreeSet<>(in.tags()), in.customFields(), in.owner(), in.source(),
                in.companyIds(), false, null, null);
    }

    private CompanyDto simulate(long id, CompanyInput in) {
        return new CompanyDto(id, 0, in.name(), in.legalName(), in.taxId(), in.industry(), in.website(),
                in.website() == null ? null : Draft.domainOf(in.website()), in.phones(), in.emails(), in.address(),
                new TreeSet<>(in.tags()), in.customFields(), in.owner(), false, null, null);
    }

    /** Writes the pending report rows and the job's progress in one transaction. */
    private void flush() {
        List<ImportRowEntity> rows = new ArrayList<>(pending);
        pending.clear();
        tx.write(em -> {
            rows.forEach(em::persist);
            ImportServiceImpl.copy(job, em.find(ImportJobEntity.class, job.id));
            return null;
        });
    }

    private void save() {
        tx.write(em -> {
            ImportServiceImpl.copy(job, em.find(ImportJobEntity.class, job.id));
            return null;
        });
    }
}
