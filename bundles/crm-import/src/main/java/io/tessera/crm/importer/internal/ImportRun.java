package io.tessera.crm.importer.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.CrmException;
import io.tessera.crm.api.contacts.CompanyService;
import io.tessera.crm.api.contacts.ContactBatchService;
import io.tessera.crm.api.contacts.ContactService;
import io.tessera.crm.api.imports.ImportDto.Status;
import io.tessera.crm.api.imports.ImportOptions;
import io.tessera.crm.api.imports.ImportOptions.Entity;
import io.tessera.crm.api.imports.ImportRowResult.Outcome;
import io.tessera.crm.importer.internal.RowReader.ParsedRow;
import io.tessera.crm.support.jpa.Transactions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One import, run on the import thread: a counting pass over the file (rows total), the duplicate index, then the rows
 * in buffers of {@value #BATCH}, read and parsed by a {@link RowReader} on a second thread meanwhile. Per buffer: the
 * {@link RowDecider} looks the rows' keys up and reads the existing records they match in one call, then decides the
 * rows one by one against in-memory copies (new records get provisional negative ids; later rows of the buffer merge
 * into those copies); the {@link BufferWriter} writes the records through {@link ContactBatchService} (one transaction
 * for the creates, one for the updates; an item the contacts bundle rejects is reported on its row and leaves nothing
 * behind, the others are written) and replaces provisional ids by the real ones; the rows' deals and tasks follow
 * ({@link FollowUps}), and the {@link ReportWriter} writes the report and the progress in one transaction on a third
 * thread. A dry run decides the same way and writes no record.
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
    private final ReportWriter report;
    private final RowOutcomes outcomes;
    private final Owners owners;
    /** Deals and tasks of rows; the pipelines' stages, read when the first row with a deal or a stage is met. */
    private final FollowUps followUps;
    private FollowUps.Stages stages;
    private final BufferRecords records = new BufferRecords();
    /** Set up once the duplicate index is read. */
    private RowDecider decider;
    private BufferWriter writer;
    /** The file's header row, read by the counting pass (null until then). */
    private List<String> header;
    private final List<ImportRowEntity> pending = new ArrayList<>();
    /** The current buffer: parsed rows not decided yet. */
    private final List<ParsedRow> buffer = new ArrayList<>();

    ImportRun(Job job, Caller caller, Path file, boolean deleteFile, Transactions tx, ContactService contacts,
              CompanyService companies, ContactBatchService batch, Owners owners, FollowUps followUps) {
        this.owners = owners;
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
        if (!job.start()) {
            // cancelled while it waited: the cancel stored the job and ended it
            report.close();
            deleteFile();
            return;
        }
        try {
            save();
            boolean complete = false;
            try (HeaderRow table = new HeaderRow(Table.open(file, job.fileName, options.encoding(),
                    options.delimiter()), cells -> ColumnMapping.map(entity, cells, options.mapping()).named())) {
                job.encoding = table.encoding();
                job.delimiter = table.delimiter();
                long[] count = {0};
                table.read((i, cells) -> {
                    if (i == 0) {
                        header = cells;
                    }
                    count[0] = i;
                    return !stopping();
                });
                if (header != null && table.headerFields() == 0) {
                    throw new IllegalArgumentException(ColumnMapping.noFieldNamed(entity, header));
                }
                if (!stopping()) {
                    job.rowsTotal = count[0];
                    RecordIndex index = new RecordIndex(options.isDryRun(), batch.keySummary(caller));
                    writer = new BufferWriter(caller, batch, companies, entity, options.isDryRun(), index, outcomes,
                            records);
                    decider = new RowDecider(caller, contacts, companies, batch, options, phones, index, owners,
                            outcomes, records, writer::undoCompany);
                    complete = readAndWrite(table);
                }
            }
            report.await();
            if (Thread.currentThread().isInterrupted()) {
                job.status = Status.FAILED;
                job.error = "stopped: the server is shutting down";
            } else if (complete) {
                job.status = Status.DONE;
            } else {
                job.cancelled();
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
                deleteFile();
                job.done.complete(null);
            }
        }
    }

    private void deleteFile() {
        if (deleteFile) {
            try {
                Files.deleteIfExists(file);
            } catch (java.io.IOException ignored) {
                // a temp file; the OS cleans it up
            }
        }
    }

    /** The server is stopping the import thread, or a user cancelled the import. */
    private boolean stopping() {
        return Thread.currentThread().isInterrupted() || job.cancelRequested();
    }

    /**
     * Takes the parsed rows from the reading thread, a buffer at a time, and decides and writes them; between two
     * buffers it stops if asked to. True if it got to the end of the file.
     */
    private boolean readAndWrite(Table table) throws Exception {
        RowReader reader = new RowReader(table, entity, options.mapping(), phones, job.id, BATCH);
        reader.start();
        try {
            for (List<ParsedRow> rows = reader.next(); rows != null; rows = reader.next()) {
                job.unmapped = reader.unmapped();
                buffer.addAll(rows);
                decideBuffer();
                flush();
                if (stopping()) {
                    return false;
                }
            }
            job.unmapped = reader.unmapped();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // reported as stopped by run()
            return false;
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
        decider.lookUp(buffer);
        for (ParsedRow p : buffer) {
            decide(p);
            pending.add(p.row());
            job.rowsDone = p.row().rowNo;
        }
        List<ParsedRow> decided = List.copyOf(buffer);
        buffer.clear();
        decider.bufferDecided();
        if (options.isDryRun()) {
            records.forgetWrites();
        } else {
            writer.write(decided);
        }
        followUps.writeAll(caller, decided, options, this::stages);
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
                decider.companyRow(p);
            } else {
                decider.contactRow(p);
            }
        } catch (CrmException e) {
            outcomes.reject(r, d, e);
        }
    }

    private FollowUps.Stages stages() {
        if (stages == null) {
            stages = followUps.stages(caller);
        }
        return stages;
    }

    /** Hands the pending report rows and the job's progress to the report writer (one transaction). */
    private void flush() {
        List<ImportRowEntity> rows = new ArrayList<>(pending);
        pending.clear();
        report.write(rows, job.toDto());
    }

    private void save() {
        tx.write(em -> {
            ImportJobEntity e = em.find(ImportJobEntity.class, job.id);
            ImportServiceImpl.copy(job.toDto(), e);
            if (header != null) {
                e.headerCells = SourceCells.encode(header);
            }
            return null;
        });
    }
}
