package io.tessera.crm.importer.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.CrmException;
import io.tessera.crm.api.contacts.BatchResult;
import io.tessera.crm.api.contacts.CompanyDto;
import io.tessera.crm.api.contacts.CompanyInput;
import io.tessera.crm.api.contacts.CompanyService;
import io.tessera.crm.api.contacts.ContactBatchService;
import io.tessera.crm.api.contacts.ContactDto;
import io.tessera.crm.api.contacts.ContactInput;
import io.tessera.crm.api.contacts.ContactService;
import io.tessera.crm.api.imports.ImportDto.Status;
import io.tessera.crm.api.imports.ImportOptions;
import io.tessera.crm.api.imports.ImportOptions.Entity;
import io.tessera.crm.api.imports.ImportOptions.Mode;
import io.tessera.crm.api.imports.ImportRowResult.Outcome;
import io.tessera.crm.importer.internal.RowReader.ParsedRow;
import io.tessera.crm.support.jpa.Transactions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One import, run on the import thread: a counting pass over the file (rows total), the duplicate index, then the rows
 * in buffers of {@value #BATCH}, read and parsed by a {@link RowReader} on a second thread meanwhile. Per buffer: the existing records the rows match are read in one call, the rows are
 * decided one by one against in-memory copies (new records get provisional negative ids; later rows of the buffer
 * merge into those copies), then the records are written through {@link ContactBatchService} (one transaction for
 * the creates, one for the updates; an item the contacts bundle rejects is reported on its row and leaves nothing
 * behind, the others are written), provisional ids are replaced by the real ones, and the report and the progress are
 * written in one transaction. A dry run decides the same way and writes no record.
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
    private final ContactBatchService batch;
    private final ImportOptions options;
    private final Entity entity;
    private final PhoneNormalizer phones;
    private RecordIndex index;
    private final ReportWriter report;
    private final RowOutcomes outcomes;
    /** Deals and tasks of rows; the pipelines' stages, read when the first row with a deal or a stage is met. */
    private final FollowUps followUps;
    private FollowUps.Stages stages;
    /** Records this import created or changed: later rows matching them are MERGED. */
    private final Set<Long> touched = new HashSet<>();
    /**
     * The state of every record the run has decided to write but not written yet (ids of new ones are negative): the
     * current buffer's, or in a dry run every record the run "wrote".
     */
    private final Map<Long, ContactDto> dryContacts = new HashMap<>();
    private final Map<Long, CompanyDto> dryCompanies = new HashMap<>();
    /** Companies a contact file names and the base lacks, created when the buffer is written. */
    private final NewCompanies newCompanies = new NewCompanies();
    private long nextDryId = -1;
    private final List<ImportRowEntity> pending = new ArrayList<>();
    /** The current buffer: parsed rows not decided yet. */
    private final List<ParsedRow> buffer = new ArrayList<>();
    /** Existing records the buffer's rows match, read in one call per buffer. */
    private final Map<Long, ContactDto> fetchedContacts = new HashMap<>();
    private final Map<Long, CompanyDto> fetchedCompanies = new HashMap<>();
    /** Records to create (by provisional id) and to update (by id) when the buffer is written, in row order. */
    private final Map<Long, Write> creates = new LinkedHashMap<>();
    private final Map<Long, Write> updates = new LinkedHashMap<>();

    /** A record to write and the rows that decided it (the first one created or first changed it). */
    private static final class Write {
        final long expectedVersion;
        final List<ParsedRow> rows = new ArrayList<>();

        Write(long expectedVersion) {
            this.expectedVersion = expectedVersion;
        }
    }

    ImportRun(Job job, Caller caller, Path file, boolean deleteFile, Transactions tx, ContactService contacts,
              CompanyService companies, ContactBatchService batch, FollowUps followUps) {
        this.followUps = followUps;
        this.job = job;
        this.caller = caller;
        this.file = file;
        this.deleteFile = deleteFile;
        this.tx = tx;
        this.contacts = contacts;
        this.companies = companies;
        this.batch = batch;
        this.options = job.options;
        this.entity = options.entity();
        this.phones = new PhoneNormalizer(options.defaultRegion());
        this.report = new ReportWriter(tx, job.id);
        this.outcomes = new RowOutcomes(job);
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
            index = new RecordIndex(options.isDryRun(), batch.keySummary(caller));
            readAndWrite(table);
            report.await();
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
                report.close();
            } catch (RuntimeException e) {
                job.status = Status.FAILED;
                job.error = job.error != null ? job.error : "writing the report failed: " + e.getMessage();
            }
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

    /** Takes the parsed rows from the reading thread, a buffer at a time, and decides and writes them. */
    private void readAndWrite(Table table) throws Exception {
        RowReader reader = new RowReader(table, entity, options.mapping(), phones, job.id, BATCH);
        reader.start();
        try {
            for (List<ParsedRow> rows = reader.next(); rows != null; rows = reader.next()) {
                job.unmapped = reader.unmapped();
                buffer.addAll(rows);
                decideBuffer();
                flush();
                if (Thread.currentThread().isInterrupted()) {
                    break;
                }
            }
            job.unmapped = reader.unmapped();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // reported as stopped by run()
        } finally {
            boolean interrupted = Thread.interrupted();
            reader.stop();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Reads the matched records, decides every buffered row, writes the records and queues the report rows. */
    private void decideBuffer() {
        index.lookUp(caller, batch, entity, buffer.stream().map(ParsedRow::draft).toList());
        prefetch();
        for (ParsedRow p : buffer) {
            decide(p);
            pending.add(p.row());
            job.rowsDone = p.row().rowNo;
        }
        List<ParsedRow> decided = List.copyOf(buffer);
        buffer.clear();
        fetchedContacts.clear();
        fetchedCompanies.clear();
        if (options.isDryRun()) {
            creates.clear();
            updates.clear();
        } else {
            writeRecords(decided);
        }
        followUps.writeAll(caller, decided, options, this::stages);
    }

    /** The existing records the buffer's rows match now, in one read (rows matching rows of this buffer need none). */
    private void prefetch() {
        Set<Long> ids = new HashSet<>();
        for (ParsedRow p : buffer) {
            if (!p.draft().rejected()) {
                Long target = index.find(entity, index.keys(entity, p.draft()));
                if (target != null && target > 0 && !state(target)) {
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

    private boolean state(long id) {
        return entity == Entity.COMPANIES ? dryCompanies.containsKey(id) : dryContacts.containsKey(id);
    }

    private void decide(ParsedRow p) {
        ImportRowEntity r = p.row();
        Draft d = p.draft();
        if (d.rejected()) {
            outcomes.set(r, Outcome.REJECTED, null, d.badColumn, d.problem);
            return;
        }
        FollowUp f = d.followUp;
        if (f.hasDeal() || f.hasTask()) {
            FollowUps.Refusal refusal = followUps.refusal(f, stages());
            if (refusal != null) {
                outcomes.set(r, Outcome.REJECTED, null, refusal.column(), refusal.reason());
                return;
            }
        }
        try {
            if (entity == Entity.COMPANIES) {
                companyRow(p);
            } else {
                contactRow(p);
            }
        } catch (CrmException e) {
            outcomes.reject(r, d, e);
        }
    }

    /**
     * Writes the buffer's new and changed records in two batch calls. A record the contacts bundle refuses is
     * reported on the row that created or first changed it (and on the rows merged into it), and the companies those
     * rows created are archived again; provisional ids become real ids in the report and the duplicate index.
     */
    private void writeRecords(List<ParsedRow> decided) {
        if (entity == Entity.CONTACTS) {
            linkNewCompanies(decided);
        }
        List<Write> created = new ArrayList<>(creates.values());
        List<Long> provisional = new ArrayList<>(creates.keySet());
        List<BatchResult> results;
        if (entity == Entity.COMPANIES) {
            results = created.isEmpty() ? List.of() : batch.createCompanies(caller,
                    provisional.stream().map(id -> Merge.input(dryCompanies.get(id))).toList());
        } else {
            results = created.isEmpty() ? List.of() : batch.createContacts(caller,
                    provisional.stream().map(id -> newCompanies.resolve(Merge.input(dryContacts.get(id)))).toList());
        }
        for (int k = 0; k < created.size(); k++) {
            BatchResult res = results.get(k);
            long pid = provisional.get(k);
            touched.remove(pid);
            if (res.ok()) {
                long id = res.id();
                touched.add(id);
                index.renumber(entity, pid, id);
                for (ParsedRow p : created.get(k).rows) {
                    p.row().recordId = id;
                }
            } else {
                index.forget(entity, pid);
                failed(created.get(k), res.error());
            }
        }
        List<Long> ids = new ArrayList<>(updates.keySet());
        List<Write> changed = new ArrayList<>(updates.values());
        if (!changed.isEmpty()) {
            if (entity == Entity.COMPANIES) {
                results = batch.updateCompanies(caller, ids.stream().map(id -> new ContactBatchService.CompanyUpdate(
                        id, updates.get(id).expectedVersion, Merge.input(dryCompanies.get(id)))).toList());
            } else {
                results = batch.updateContacts(caller, ids.stream().map(id -> new ContactBatchService.ContactUpdate(
                        id, updates.get(id).expectedVersion, newCompanies.resolve(Merge.input(dryContacts.get(id)))))
                        .toList());
            }
            for (int k = 0; k < changed.size(); k++) {
                if (!results.get(k).ok()) {
                    failed(changed.get(k), results.get(k).error());
                }
            }
        }
        creates.clear();
        updates.clear();
        dryContacts.clear();
        dryCompanies.clear();
    }

    /**
     * Creates the buffer's new companies that its contacts link to, in one call; the rows get their real ids, and a
     * company refused rejects the records linking to it (and their rows).
     */
    private void linkNewCompanies(List<ParsedRow> decided) {
        Set<Long> linked = new HashSet<>();
        dryContacts.values().forEach(c -> linked.addAll(c.companyIds()));
        newCompanies.create(caller, batch, linked);
        for (ParsedRow p : decided) {
            p.row().createdCompanyId = newCompanies.real(p.row().createdCompanyId);
            p.draft().linkedCompanyId = newCompanies.real(p.draft().linkedCompanyId);
        }
        for (Map<Long, Write> writes : List.of(creates, updates)) {
            for (var it = writes.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<Long, Write> w = it.next();
                CrmException refused = newCompanies.refusal(dryContacts.get(w.getKey()).companyIds());
                if (refused != null) {
                    if (w.getKey() < 0) {
                        touched.remove(w.getKey());
                        index.forget(entity, w.getKey());
                    }
                    failed(w.getValue(), refused);
                    it.remove();
                }
            }
        }
    }

    private FollowUps.Stages stages() {
        if (stages == null) {
            stages = followUps.stages(caller);
        }
        return stages;
    }

    private void failed(Write w, CrmException error) {
        ParsedRow first = w.rows.get(0);
        for (ParsedRow p : w.rows) {
            ImportRowEntity r = p.row();
            outcomes.takeBack(r);
            r.beforeImage = null;
            r.conflicts = null;
            undoCompany(r);
            if (p == first) {
                outcomes.reject(r, p.draft(), error);
            } else {
                outcomes.set(r, Outcome.REJECTED, null, null,
                        "row " + first.row().rowNo + ", which this row merges into, was rejected: " + error.getMessage());
            }
        }
    }

    private void contactRow(ParsedRow p) {
        ImportRowEntity r = p.row();
        Draft d = p.draft();
        List<String> keys = index.keys(Entity.CONTACTS, d);
        Long target = index.find(Entity.CONTACTS, keys);
        Mode mode = options.mode();
        List<String> notes = new ArrayList<>();
        if (target == null) {
            if (mode == Mode.UPDATE_ONLY) {
                outcomes.set(r, Outcome.SKIPPED, null, null, "no existing contact has this e-mail, phone or name");
                return;
            }
            Long companyId = company(r, d, notes);
            d.linkedCompanyId = companyId;
            ContactInput input = Merge.newContact(d, companyId == null ? List.of() : List.of(companyId));
            long id = nextDryId--;
            dryContacts.put(id, simulate(id, input));
            creates.put(id, new Write(0));
            creates.get(id).rows.add(p);
            touched.add(id);
            index.addKeys(Entity.CONTACTS, keys, id);
            outcomes.set(r, Outcome.CREATED, id, null, notes.isEmpty() ? null : String.join("; ", notes));
            r.conflicts = null;
            return;
        }
        boolean own = touched.contains(target);
        if (!own && mode == Mode.CREATE_ONLY) {
            outcomes.set(r, Outcome.SKIPPED, target, null, "duplicate of contact " + target + " (create-only mode)");
            return;
        }
        ContactDto current = dryContacts.containsKey(target) ? dryContacts.get(target)
                : fetchedContacts.containsKey(target) ? fetchedContacts.get(target) : contacts.get(caller, target);
        Long companyId = company(r, d, notes);
        d.linkedCompanyId = companyId;
        Merge.Result<ContactInput> m = Merge.contact(current, d, companyId, phones);
        if (m.input() == null && !own) {
            undoCompany(r);
            outcomes.set(r, Outcome.SKIPPED, target, null, "contact " + target + " already has these values");
            r.conflicts = conflicts(m.conflicts());
            return;
        }
        if (m.input() != null) {
            if (!own) {
                r.beforeImage = BeforeImage.encode(Merge.input(current));
            }
            dryContacts.put(target, simulate(target, m.input()));
            if (target > 0) {
                updates.computeIfAbsent(target, t -> new Write(current.version()));
            }
        }
        written(target, p, m.input() != null);
        touched.add(target);
        index.addKeys(Entity.CONTACTS, keys, target);
        outcomes.set(r, own ? Outcome.MERGED : Outcome.UPDATED, target, null,
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
        id = nextDryId--;
        if (options.isDryRun()) {
            dryCompanies.put(id, simulate(id, input));
        } else {
            newCompanies.add(id, input);
        }
        r.createdCompanyId = id;
        index.addCompany(id, d.company);
        notes.add("company '" + d.company + "' created");
        return id;
    }

    /**
     * A company created for a row whose contact then failed is archived again: no half-written row. One not created
     * yet is created only if another contact of the buffer links to it ({@link NewCompanies}), and stays the row's.
     */
    private void undoCompany(ImportRowEntity r) {
        if (r.createdCompanyId != null && r.createdCompanyId < 0 && !options.isDryRun()) {
            return;
        }
        if (r.createdCompanyId != null && !options.isDryRun()) {
            companies.archive(caller, r.createdCompanyId);
        }
        r.createdCompanyId = null;
    }

    /**
     * Ties a row to the pending write of its record: rows merging into a record created in this buffer get its real
     * id (or its rejection) with it; rows changing an existing record get its rejection.
     */
    private void written(long target, ParsedRow p, boolean changed) {
        if (target < 0) {
            Write w = creates.get(target);
            if (w != null) {
                w.rows.add(p);
            }
        } else if (changed || updates.containsKey(target)) {
            Write w = updates.get(target);
            if (w != null) {
                w.rows.add(p);
            }
        }
    }

    private void companyRow(ParsedRow p) {
        ImportRowEntity r = p.row();
        Draft d = p.draft();
        List<String> keys = index.keys(Entity.COMPANIES, d);
        Long target = index.find(Entity.COMPANIES, keys);
        Mode mode = options.mode();
        if (target == null) {
            if (mode == Mode.UPDATE_ONLY) {
                outcomes.set(r, Outcome.SKIPPED, null, null, "no existing company has this tax id, domain or name");
                return;
            }
            CompanyInput input = Merge.newCompany(d);
            long id = nextDryId--;
            dryCompanies.put(id, simulate(id, input));
            creates.put(id, new Write(0));
            creates.get(id).rows.add(p);
            touched.add(id);
            index.addKeys(Entity.COMPANIES, keys, id);
            outcomes.set(r, Outcome.CREATED, id, null, null);
            return;
        }
        boolean own = touched.contains(target);
        if (!own && mode == Mode.CREATE_ONLY) {
            outcomes.set(r, Outcome.SKIPPED, target, null, "duplicate of company " + target + " (create-only mode)");
            return;
        }
        CompanyDto current = dryCompanies.containsKey(target) ? dryCompanies.get(target)
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
            dryCompanies.put(target, simulate(target, m.input()));
            if (target > 0) {
                updates.computeIfAbsent(target, t -> new Write(current.version()));
            }
        }
        written(target, p, m.input() != null);
        touched.add(target);
        index.addKeys(Entity.COMPANIES, keys, target);
        outcomes.set(r, own ? Outcome.MERGED : Outcome.UPDATED, target, null, null);
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

    /** Hands the pending report rows and the job's progress to the report writer (one transaction). */
    private void flush() {
        List<ImportRowEntity> rows = new ArrayList<>(pending);
        pending.clear();
        report.write(rows, job.toDto());
    }

    private void save() {
        tx.write(em -> {
            ImportServiceImpl.copy(job.toDto(), em.find(ImportJobEntity.class, job.id));
            return null;
        });
    }
}
