package io.tessera.crm.shell.internal;

import static org.junit.Assert.assertEquals;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.Page;
import io.tessera.crm.api.Roles;
import io.tessera.crm.api.imports.ImportDto;
import io.tessera.crm.api.imports.ImportOptions;
import io.tessera.crm.api.imports.ImportRowResult;
import io.tessera.crm.api.imports.ImportRowResult.Outcome;
import io.tessera.crm.api.imports.ImportService;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

public class ImportLinesTest {
    private static final Caller ADMIN = Caller.of("admin", Roles.ADMIN);

    static ImportDto job(long total, long done, ImportDto.Status status) {
        return new ImportDto(7, "a.csv", ImportOptions.Entity.CONTACTS, ImportOptions.Mode.CREATE_AND_UPDATE, false,
                status, total, done, 1520.4, 5, 1, 2, 0, 3, List.of("Loyalty"), "UTF-8", ",", "admin", null, null,
                null);
    }

    @Test
    public void progressBar() {
        assertEquals("[#########.....................] 3000/10000 rows  1520 rows/s",
                ImportLines.progress(job(10000, 3000, ImportDto.Status.RUNNING)));
        assertEquals("[..............................] 0/? rows  1520 rows/s",
                ImportLines.progress(job(0, 0, ImportDto.Status.QUEUED)));
    }

    @Test
    public void summary() {
        assertEquals(List.of("Import 7: DONE", "Created 5, updated 1, merged 2, skipped 0, rejected 3",
                        "Columns not imported: Loyalty"),
                ImportLines.summary(job(10, 10, ImportDto.Status.DONE)));
    }

    @Test
    public void aCancelledJobSaysWhoCancelledItAndWhere() {
        ImportDto cancelled = withError(job(1200, 500, ImportDto.Status.CANCELLED), "cancelled by admin after row 500"
                + " of 1200: the rows up to there are imported");
        assertEquals(List.of("Import 7: CANCELLED", "Created 5, updated 1, merged 2, skipped 0, rejected 3",
                        "Columns not imported: Loyalty",
                        "Cancelled by admin after row 500 of 1200: the rows up to there are imported."),
                ImportLines.summary(cancelled));
        assertEquals("Error: no such file", ImportLines.summary(withError(job(0, 0, ImportDto.Status.FAILED),
                "no such file")).get(3));
    }

    @Test
    public void anInterruptCancelsTheImportBeingFollowedAndWaitsForItToStop() {
        List<String> calls = new ArrayList<>();
        ImportDto[] state = {job(1200, 500, ImportDto.Status.RUNNING)};
        ImportService imports = (ImportService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{ImportService.class}, (proxy, method, args) -> {
                    calls.add(method.getName());
                    if (method.getName().equals("cancel")) {
                        ImportDto asked = state[0];
                        state[0] = job(1200, 1000, ImportDto.Status.CANCELLED);
                        return asked;
                    }
                    return state[0];
                });
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Thread.currentThread().interrupt(); // as Ctrl-C at the console

        ImportDto last = ImportLines.follow(imports, ADMIN, state[0], new PrintStream(bytes, true,
                StandardCharsets.UTF_8));

        assertEquals(ImportDto.Status.CANCELLED, last.status());
        assertEquals(List.of("await", "cancel", "await"), calls);
        assertEquals(List.of("", "Cancelling import 7 after the rows it is writing...",
                        "\r[############..................] 500/1200 rows  1520 rows/s"
                                + "\r[#########################.....] 1000/1200 rows  1520 rows/s"),
                List.of(bytes.toString(StandardCharsets.UTF_8).split("\n")));
    }

    private static ImportDto withError(ImportDto j, String error) {
        return new ImportDto(j.id(), j.fileName(), j.entity(), j.mode(), j.dryRun(), j.status(), j.rowsTotal(),
                j.rowsDone(), j.rate(), j.created(), j.updated(), j.merged(), j.skipped(), j.rejected(),
                j.unmappedColumns(), j.encoding(), j.delimiter(), j.owner(), j.startedAt(), j.finishedAt(), error);
    }

    @Test
    public void rejectedRowsWithTheirColumnAndReasonThenWhereTheRestAre() {
        Page<ImportRowResult> first = new Page<>(List.of(
                new ImportRowResult(4, Outcome.REJECTED, null, "Телефон", "not a phone number: 12", List.of()),
                new ImportRowResult(9, Outcome.REJECTED, null, null, "no name, e-mail or phone", List.of())), "x");
        assertEquals(List.of("Rejected rows:", "  row 4, column Телефон: not a phone number: 12",
                        "  row 9: no name, e-mail or phone",
                        "  … 1 more: crm:import-report 7 --outcome REJECTED",
                        "As a file to correct and import again: GET /api/v1/imports/7/rejected"),
                ImportLines.rejected(job(10, 10, ImportDto.Status.DONE), first));
        assertEquals(List.of(), ImportLines.rejected(new ImportDto(7, "a.csv", ImportOptions.Entity.CONTACTS,
                ImportOptions.Mode.CREATE_AND_UPDATE, false, ImportDto.Status.DONE, 1, 1, 1.0, 1, 0, 0, 0, 0,
                List.of(), "UTF-8", ",", "admin", null, null, null), new Page<>(List.of(), null)));
    }
}
