package io.tessera.crm.importer.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.ConflictException;
import io.tessera.crm.api.NotFoundException;
import io.tessera.crm.api.Paging;
import io.tessera.crm.api.Roles;
import io.tessera.crm.api.contacts.ContactBatchService;
import io.tessera.crm.api.contacts.ContactInput;
import io.tessera.crm.api.imports.ImportDto;
import io.tessera.crm.api.imports.ImportDto.Status;
import io.tessera.crm.api.imports.ImportOptions;
import io.tessera.crm.api.imports.ImportRowResult;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.persistence.EntityManager;
import org.junit.After;
import org.junit.Test;

/** {@code ImportService.cancel}: a running import stops between two buffers, a queued one never starts. */
public class ImportCancelTest {
    private static final Caller ADMIN = DecoratedBatchFixture.ADMIN;
    private static final int ROWS = 1_200;

    private DecoratedBatchFixture fixture;
    private ImportServiceImpl imports;

    @After
    public void tearDown() {
        fixture.close();
    }

    /** The import service, with the test acting at the first creation of contacts (the first buffer's write). */
    private void decorateFirstCreate(Runnable atFirstCreate) {
        decorate(Map.of("createContacts", firstCreate(atFirstCreate)));
    }

    private void decorate(Map<String, DecoratedBatchFixture.Answer> answers) {
        fixture = new DecoratedBatchFixture(answers);
        imports = fixture.imports;
    }

    private static DecoratedBatchFixture.Answer firstCreate(Runnable atFirstCreate) {
        boolean[] first = {true};
        return (real, args) -> {
            if (first[0]) {
                first[0] = false;
                atFirstCreate.run();
            }
            return createContacts(real, args);
        };
    }

    @SuppressWarnings("unchecked")
    private static Object createContacts(ContactBatchService real, Object[] args) {
        return real.createContacts((Caller) args[0], (List<ContactInput>) args[1]);
    }

    @Test
    public void aRunningImportStopsAfterTheBufferItIsWritingAndWhatItWroteCanBeUndone() {
        decorateFirstCreate(() -> {
            ImportDto asked = imports.cancel(ADMIN, running().id());
            assertEquals("the import ends itself once its buffer is written", Status.RUNNING, asked.status());
        });

        ImportDto job = finished(start(csv("ivan", ROWS)));

        assertEquals(Status.CANCELLED, job.status());
        assertEquals(ROWS, job.rowsTotal());
        assertEquals(ImportRun.BATCH, job.rowsDone());
        assertEquals(ImportRun.BATCH, job.created());
        assertEquals("cancelled by admin after row 500 of 1200: the rows up to there are imported; an undo reverts"
                + " them, importing the file again takes the rest (the rows already in are found as duplicates)",
                job.error());
        assertEquals(ImportRun.BATCH, liveContacts());
        List<ImportRowResult> report = imports.report(ADMIN, job.id(), new Paging(Paging.MAX_LIMIT, null)).items();
        assertEquals(ImportRun.BATCH, report.size());
        assertEquals(ImportRun.BATCH, report.get(report.size() - 1).row());
        assertEquals(job, imports.get(ADMIN, job.id()));

        ImportDto undone = imports.undo(ADMIN, job.id());
        undone = imports.await(ADMIN, undone.id(), Duration.ofSeconds(60));
        assertEquals(Status.UNDONE, undone.status());
        assertEquals(0, liveContacts());
    }

    @Test
    public void aQueuedImportIsCancelledAtOnceAndNeverRuns() throws Exception {
        CountDownLatch firstWaits = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        decorateFirstCreate(() -> {
            firstWaits.countDown();
            try {
                assertTrue(release.await(60, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        ImportDto first = start(csv("ivan", ROWS));
        assertTrue(firstWaits.await(60, TimeUnit.SECONDS));
        ImportDto second = start(csv("olga", ROWS));
        assertEquals(Status.QUEUED, second.status());

        ImportDto cancelled = imports.cancel(ADMIN, second.id());

        assertEquals(Status.CANCELLED, cancelled.status());
        assertEquals("cancelled by admin before it started", cancelled.error());
        assertEquals(cancelled, imports.get(ADMIN, second.id()));
        release.countDown();
        assertEquals(Status.DONE, finished(first).status());
        ImportDto after = finished(second);
        assertEquals(Status.CANCELLED, after.status());
        assertEquals(0, after.rowsDone());
        assertEquals(0, after.created());
        assertEquals(null, after.startedAt());
        assertEquals(ROWS, liveContacts());
        assertTrue(imports.report(ADMIN, second.id(), Paging.FIRST).items().isEmpty());
    }

    @Test
    public void aFinishedImportCannotBeCancelledACancelledOneIsReturnedAsItIs() {
        decorateFirstCreate(() -> imports.cancel(ADMIN, running().id()));
        ImportDto cancelled = finished(start(csv("ivan", ROWS)));
        assertEquals(Status.CANCELLED, cancelled.status());
        assertEquals(cancelled, imports.cancel(ADMIN, cancelled.id()));

        ImportDto done = finished(start(csv("olga", 10)));
        assertEquals(Status.DONE, done.status());
        try {
            imports.cancel(ADMIN, done.id());
            fail("a finished import was cancelled");
        } catch (ConflictException e) {
            assertEquals("import " + done.id() + " has already finished (DONE): an undo reverts it", e.getMessage());
        }
        try {
            imports.cancel(Caller.of("anna", Roles.SALES), done.id());
            fail("a sales caller cancelled the admin's import");
        } catch (NotFoundException e) {
            assertFalse(e.getMessage().isEmpty());
        }
        assertEquals(Status.DONE, imports.get(ADMIN, done.id()).status());
    }

    /** A restart in the middle of an undo gives the import back the status the undo started from. */
    @Test
    @SuppressWarnings("unchecked")
    public void anUndoCutShortByARestartLeavesTheImportAsItWasBefore() throws Exception {
        CountDownLatch undoing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        decorate(Map.of("createContacts", firstCreate(() -> imports.cancel(ADMIN, running().id())),
                "archiveContacts", (real, args) -> {
                    undoing.countDown();
                    assertTrue(release.await(60, TimeUnit.SECONDS));
                    return real.archiveContacts((Caller) args[0], (List<Long>) args[1]);
                }));
        ImportDto cancelled = finished(start(csv("ivan", ROWS)));
        assertEquals(Status.CANCELLED, cancelled.status());
        assertEquals(Status.UNDOING, imports.undo(ADMIN, cancelled.id()).status());
        assertTrue(undoing.await(60, TimeUnit.SECONDS));

        ImportServiceImpl restarted = restart();
        try {
            ImportDto after = restarted.get(ADMIN, cancelled.id());
            assertEquals(Status.CANCELLED, after.status());
            assertEquals("undo interrupted by a server restart: run it again", after.error());
            assertEquals(ImportRun.BATCH, after.created());
        } finally {
            release.countDown();
            restarted.close();
        }
        ImportDto done = finished(start(csv("olga", 10)));
        setStatus(done.id(), "UNDOING");
        restarted = restart();
        try {
            assertEquals("an undo begun by an earlier version, which kept no status, was of a DONE import",
                    Status.DONE, restarted.get(ADMIN, done.id()).status());
        } finally {
            restarted.close();
        }
    }

    /** A new import service on the same databases, as a restarted server makes it. */
    private ImportServiceImpl restart() {
        return new ImportServiceImpl(fixture.importEmf, fixture.contacts, fixture.companies, fixture.batch,
                ImportServiceFixture.users());
    }

    private void setStatus(long id, String status) {
        EntityManager em = fixture.importEmf.createEntityManager();
        try {
            em.getTransaction().begin();
            em.createNativeQuery("UPDATE IMP_IMPORT SET STATUS = ? WHERE ID = ?").setParameter(1, status)
                    .setParameter(2, id).executeUpdate();
            em.getTransaction().commit();
        } finally {
            em.close();
        }
    }

    private ImportDto start(String csv) {
        return imports.start(ADMIN, "contacts.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                ImportOptions.defaults());
    }

    private ImportDto finished(ImportDto job) {
        ImportDto now = imports.await(ADMIN, job.id(), Duration.ofSeconds(60));
        assertTrue(now.status().finished());
        return now;
    }

    private ImportDto running() {
        return imports.list(ADMIN, Paging.FIRST).items().stream().filter(j -> j.status() == Status.RUNNING)
                .findFirst().orElseThrow();
    }

    private static String csv(String name, int rows) {
        StringBuilder csv = new StringBuilder("Имя;Фамилия;E-mail\n");
        for (int i = 1; i <= rows; i++) {
            csv.append(name).append(';').append("Row").append(i).append(';').append(name).append(i)
                    .append("@example.ru\n");
        }
        return csv.toString();
    }

    private long liveContacts() {
        EntityManager em = fixture.contactsEmf.createEntityManager();
        try {
            return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM CON_CONTACT WHERE ARCHIVED = 0")
                    .getSingleResult()).longValue();
        } finally {
            em.close();
        }
    }
}
