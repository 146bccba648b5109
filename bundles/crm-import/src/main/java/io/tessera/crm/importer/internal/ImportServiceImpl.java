package io.tessera.crm.importer.internal;

import io.tessera.crm.api.AccessDeniedException;
import io.tessera.crm.api.Caller;
import io.tessera.crm.api.ConflictException;
import io.tessera.crm.api.NotFoundException;
import io.tessera.crm.api.Page;
import io.tessera.crm.api.Paging;
import io.tessera.crm.api.ValidationException;
import io.tessera.crm.api.contacts.CompanyService;
import io.tessera.crm.api.contacts.ContactBatchService;
import io.tessera.crm.api.contacts.ContactService;
import io.tessera.crm.api.deals.DealService;
import io.tessera.crm.api.deals.PipelineService;
import io.tessera.crm.api.tasks.TaskService;
import io.tessera.crm.api.imports.ImportDto;
import io.tessera.crm.api.imports.ImportDto.Status;
import io.tessera.crm.api.imports.ImportOptions;
import io.tessera.crm.api.imports.ImportRowResult;
import io.tessera.crm.api.imports.ImportService;
import io.tessera.crm.api.security.UserService;
import io.tessera.crm.support.jpa.Cursors;
import io.tessera.crm.support.jpa.Transactions;
import io.tessera.crm.support.validation.Checks;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Imports run one at a time on a background thread (created on activation, stopped on deactivation); jobs started
 * meanwhile wait as QUEUED. Live progress comes from memory, finished jobs and the report from IMP_IMPORT / IMP_ROW.
 */
@Component(service = ImportService.class)
public class ImportServiceImpl implements ImportService {
    private final Transactions tx;
    private final ContactService contacts;
    private final CompanyService companies;
    private final ContactBatchService batch;
    private final UserService users;
    private final FollowUps followUps;
    private final ExecutorService executor;
    private final Map<Long, Job> live = new ConcurrentHashMap<>();

    @Activate
    public ImportServiceImpl(@Reference(target = "(osgi.unit.name=crm-import)") EntityManagerFactory emf,
                             @Reference ContactService contacts, @Reference CompanyService companies,
                             @Reference ContactBatchService batch, @Reference DealService deals,
                             @Reference TaskService tasks, @Reference PipelineService pipelines,
                             @Reference UserService users) {
        this(emf, contacts, companies, batch, users, new FollowUps(deals, tasks, pipelines));
    }

    /** Without deals and tasks (tests of the contact import: rows with deal or task columns are rejected). */
    ImportServiceImpl(EntityManagerFactory emf, ContactService contacts, CompanyService companies,
                      ContactBatchService batch, UserService users) {
        this(emf, contacts, companies, batch, users, FollowUps.none());
    }

    private ImportServiceImpl(EntityManagerFactory emf, ContactService contacts, CompanyService companies,
                              ContactBatchService batch, UserService users, FollowUps followUps) {
        this.tx = new Transactions(emf);
        this.contacts = contacts;
        this.companies = companies;
        this.batch = batch;
        this.users = users;
        this.followUps = followUps;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "crm-import");
            t.setDaemon(true);
            return t;
        });
        // jobs a previous run of the server left unfinished
        tx.write(em -> em.createQuery("UPDATE ImportJobEntity j SET j.status = 'FAILED', "
                        + "j.error = 'interrupted by a server restart' WHERE j.status IN ('QUEUED', 'RUNNING')")
                .executeUpdate());
        tx.write(em -> em.createQuery("UPDATE ImportJobEntity j SET j.status = COALESCE(j.statusBeforeUndo, 'DONE'), "
                        + "j.error = 'undo interrupted by a server restart: run it again' WHERE j.status = 'UNDOING'")
                .executeUpdate());
    }

    @Deactivate
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public ImportDto start(Caller caller, String fileName, InputStream data, ImportOptions options) {
        ImportOptions o = check(caller, options);
        if (data == null) {
            throw new ValidationException("file", "is required");
        }
        Path temp;
        try {
            temp = Files.createTempFile("crm-import-", suffix(fileName));
            Files.copy(data, temp, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("could not store the uploaded file", e);
        }
        return submit(caller, fileName, temp, true, o);
    }

    @Override
    public ImportDto start(Caller caller, String fileName, Path file, ImportOptions options) {
        ImportOptions o = check(caller, options);
        if (file == null || !Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new ValidationException("file", "no such readable file");
        }
        return submit(caller, fileName == null ? file.getFileName().toString() : fileName, file, false, o);
    }

    private static String suffix(String fileName) {
        return fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx") ? ".xlsx" : ".csv";
    }

    private static ImportOptions check(Caller caller, ImportOptions options) {
        if (!caller.seesAll()) {
            throw new AccessDeniedException("importing needs the role crm-admin or crm-manager");
        }
        ImportOptions o = options == null ? ImportOptions.defaults() : options;
        Checks checks = new Checks();
        for (ColumnMapping.Problem p : ColumnMapping.check(o.entity(), o.mapping())) {
            checks.add("mapping." + p.column(), p.message());
        }
        if (o.delimiter() != null && !o.delimiter().isEmpty()
                && !List.of(",", ";", "|", "\t", "\\t", "tab", "TAB").contains(o.delimiter())) {
            checks.add("delimiter", "must be one of , ; | \\t");
        }
        if (o.encoding() != null && !o.encoding().isBlank()) {
            try {
                Charset.forName(o.encoding().strip());
            } catch (IllegalArgumentException e) {
                checks.add("encoding", "unknown encoding");
            }
        }
        if (!PhoneNormalizer.isRegion(o.defaultRegion())) {
            checks.add("defaultRegion", "is not an ISO 3166 region code libphonenumber knows (e.g. RU, AZ, US)");
        }
        checks.throwIfAny();
        return o;
    }

    private ImportDto submit(Caller caller, String fileName, Path file, boolean temp, ImportOptions o) {
        String name = fileName == null ? null : fileName.length() > 300 ? fileName.substring(0, 300) : fileName;
        long id = tx.write(em -> {
            ImportJobEntity e = new ImportJobEntity();
            e.owner = caller.username();
            e.fileName = name;
            e.entity = o.entity().name();
            e.mode = o.mode().name();
            e.dryRun = o.isDryRun();
            e.status = Status.QUEUED.name();
            e.createdAt = Timestamp.from(Instant.now());
            em.persist(e);
            em.flush();
            return e.id;
        });
        Job job = new Job(id, caller.username(), name, o);
        live.put(id, job);
        job.done.whenComplete((v, t) -> live.remove(id));
        executor.execute(new ImportRun(job, caller, file, temp, tx, contacts, companies, batch, new Owners(users),
                followUps));
        return job.toDto();
    }

    /** Copies the live state onto the job's row. */
    static void copy(ImportDto job, ImportJobEntity e) {
        e.status = job.status().name();
        e.rowsTotal = job.rowsTotal();
        e.rowsDone = job.rowsDone();
        e.created = job.created();
        e.updated = job.updated();
        e.merged = job.merged();
        e.skipped = job.skipped();
        e.rejected = job.rejected();
        e.unmapped = job.unmappedColumns().isEmpty() ? null : String.join("\n", job.unmappedColumns());
        e.encoding = job.encoding();
        e.delimiter = job.delimiter();
        e.startedAt = job.startedAt() == null ? null : Timestamp.from(job.startedAt());
        e.finishedAt = job.finishedAt() == null ? null : Timestamp.from(job.finishedAt());
        String error = job.error();
        e.error = error == null ? null : error.length() > 4000 ? error.substring(0, 4000) : error;
    }

    private static ImportDto dto(ImportJobEntity e) {
        return Job.dto(e.id, e.fileName, ImportOptions.Entity.valueOf(e.entity), ImportOptions.Mode.valueOf(e.mode),
                e.dryRun, Status.valueOf(e.status), e.rowsTotal, e.rowsDone, e.created, e.updated, e.merged,
                e.skipped, e.rejected, e.unmapped == null ? List.of() : Arrays.asList(e.unmapped.split("\n")),
                e.encoding, e.delimiter, e.owner, instant(e.startedAt), instant(e.finishedAt), e.error);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static ImportJobEntity find(EntityManager em, Caller caller, long id) {
        ImportJobEntity e = em.find(ImportJobEntity.class, id);
        if (e == null || !(caller.isAdmin() || caller.username().equals(e.owner))) {
            throw new NotFoundException("import", id);
        }
        return e;
    }

    @Override
    public ImportDto get(Caller caller, long id) {
        ImportJobEntity e = tx.read(em -> find(em, caller, id));
        Job job = live.get(id);
        return job != null ? job.toDto() : dto(e);
    }

    @Override
    public Page<ImportDto> list(Caller caller, Paging paging) {
        Paging p = paging == null ? Paging.FIRST : paging;
        List<ImportJobEntity> found = tx.read(em -> {
            var query = em.createQuery("SELECT e FROM ImportJobEntity e"
                    + (caller.isAdmin() ? "" : " WHERE e.owner = :owner") + " ORDER BY e.id DESC", ImportJobEntity.class);
            if (!caller.isAdmin()) {
                query.setParameter("owner", caller.username());
            }
            return query.setFirstResult(Cursors.offset(p)).setMaxResults(p.limit() + 1).getResultList();
        });
        return Cursors.page(found.stream().map(e -> {
            Job job = live.get(e.id);
            return job != null ? job.toDto() : dto(e);
        }).toList(), p);
    }

    @Override
    public ImportDto await(Caller caller, long id, Duration timeout) {
        get(caller, id);
        Job job = live.get(id);
        if (job != null) {
            try {
                job.done.get(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // not finished yet: answer the progress
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return get(caller, id);
    }

    @Override
    public Page<ImportRowResult> report(Caller caller, long id, Set<ImportRowResult.Outcome> outcomes,
                                        Paging paging) {
        Paging p = paging == null ? Paging.FIRST : paging;
        long after = Cursors.after(p);
        return tx.read(em -> {
            find(em, caller, id);
            List<ImportRowEntity> rows = ReportRows.page(em, id, after, outcomes, p.limit() + 1);
            List<ImportRowResult> out = new ArrayList<>();
            for (ImportRowEntity r : rows) {
                out.add(new ImportRowResult(r.rowNo, ImportRowResult.Outcome.valueOf(r.outcome), r.recordId,
                        r.columnName, r.message, r.conflicts == null ? List.of() : List.of(r.conflicts.split("\n"))));
            }
            return Cursors.pageAfter(out, p, ImportRowResult::row);
        });
    }

    @Override
    public void writeRejectedRows(Caller caller, long id, OutputStream out) throws IOException {
        RejectedRowsFile.write(tx, tx.read(em -> find(em, caller, id)), out);
    }

    /**
     * A queued job is cancelled here and stored at once (its run, when the import thread gets to it, only deletes
     * the uploaded file); a running one is asked to stop and ends itself as CANCELLED after its current buffer.
     */
    @Override
    public ImportDto cancel(Caller caller, long id) {
        ImportJobEntity stored = tx.read(em -> find(em, caller, id));
        if (!caller.seesAll()) {
            throw new AccessDeniedException("cancelling an import needs the role crm-admin or crm-manager");
        }
        Job job = live.get(id);
        Status status = job != null ? job.status : Status.valueOf(stored.status);
        if (status == Status.CANCELLED) {
            return get(caller, id);
        }
        if (status == Status.UNDOING) {
            throw new ConflictException("import " + id + " is being undone: an undo runs to its end");
        }
        if (job == null || status.finished()) {
            throw new ConflictException("import " + id + " has already finished (" + status + ")"
                    + (status == Status.DONE ? ": an undo reverts it" : ""));
        }
        if (job.cancel(caller.username())) {
            tx.write(em -> {
                copy(job.toDto(), em.find(ImportJobEntity.class, id));
                return null;
            });
            job.done.complete(null);
        }
        return job.toDto();
    }

    /** Checks the job can be undone, marks it UNDOING and queues an {@link UndoRun} on the import thread. */
    @Override
    public ImportDto undo(Caller caller, long id) {
        if (!caller.seesAll()) {
            tx.read(em -> find(em, caller, id));
            throw new AccessDeniedException("undoing an import needs the role crm-admin or crm-manager");
        }
        Job job = tx.write(em -> {
            ImportJobEntity e = find(em, caller, id);
            if (e.dryRun) {
                throw new ConflictException("import " + id + " was a dry run: there is nothing to undo");
            }
            if (live.containsKey(id) || Status.valueOf(e.status) == Status.QUEUED
                    || Status.valueOf(e.status) == Status.RUNNING) {
                throw new ConflictException("import " + id + " is still running");
            }
            if (Status.valueOf(e.status) == Status.UNDOING) {
                throw new ConflictException("import " + id + " is being undone");
            }
            if (Status.valueOf(e.status) == Status.UNDONE) {
                throw new ConflictException("import " + id + " was already undone");
            }
            Job undoing = Job.of(e);
            e.statusBeforeUndo = e.status;
            e.status = Status.UNDOING.name();
            e.error = null;
            return undoing;
        });
        Status previous = job.status;
        job.status = Status.UNDOING;
        job.error = null;
        if (live.putIfAbsent(id, job) != null) {
            throw new ConflictException("import " + id + " is being undone");
        }
        job.done.whenComplete((v, t) -> live.remove(id));
        executor.execute(new UndoRun(job, previous, caller, tx, batch, followUps,
                job.options.entity() == ImportOptions.Entity.COMPANIES));
        return job.toDto();
    }
}
