package io.tessera.crm.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.tessera.crm.api.Page;
import io.tessera.crm.api.Paging;
import io.tessera.crm.api.imports.ImportRowResult;
import io.tessera.crm.api.imports.ImportRowResult.Outcome;
import io.tessera.crm.api.imports.ImportService;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.Test;

/** crm:import-report: the rows of an import's report as a table, a page at a time. */
public class ImportReportCommandTest extends CommandRunner {
    final List<Object[]> calls = new ArrayList<>();
    Page<ImportRowResult> answer = new Page<>(List.of(), null);

    ImportReportCommand command() {
        ImportReportCommand c = new ImportReportCommand();
        c.imports = (ImportService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ImportService.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("report") || args.length != 4) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    calls.add(args);
                    return answer;
                });
        c.id = 7;
        return c;
    }

    @Test
    public void rowsWithTheirRecordColumnNotesAndConflictsThenHowToGoOn() throws Exception {
        answer = new Page<>(List.of(
                new ImportRowResult(1, Outcome.CREATED, 101L, null, "owner 'Мария Соколова' is not a user here: "
                        + "not taken from the file", List.of()),
                new ImportRowResult(2, Outcome.MERGED, 101L, null, null, List.of("position: CEO -> CTO")),
                new ImportRowResult(3, Outcome.REJECTED, null, "Телефон", "'12' is not a phone number", List.of()),
                new ImportRowResult(4, Outcome.UPDATED, 55L, null, "company 'Acme' created",
                        List.of("notes: a -> b", "birthday: 1990-03-15 -> 1990-03-16"))), "k7");
        ImportReportCommand c = command();
        c.limit = 4;

        runAs(c, "boss", "crm-manager");

        List<List<String>> rows = cells(out());
        assertEquals(List.of("Row", "Outcome", "Record", "Column", "Why"), rows.get(0));
        assertEquals(List.of("1", "CREATED", "101", "", "owner 'Мария Соколова' is not a user here: not taken from "
                + "the file"), rows.get(1));
        assertEquals(List.of("2", "MERGED", "101", "", "kept, the file differs: position: CEO -> CTO"), rows.get(2));
        assertEquals(List.of("3", "REJECTED", "", "Телефон", "'12' is not a phone number"), rows.get(3));
        assertEquals(List.of("4", "UPDATED", "55", "", "company 'Acme' created; kept, the file differs: notes: a -> b; "
                + "birthday: 1990-03-15 -> 1990-03-16"), rows.get(4));
        List<String> lines = lines(out());
        assertEquals("\u2026 more: crm:import-report 7 --limit 4 --next k7", lines.get(lines.size() - 1));
        assertEquals(7L, calls.get(0)[1]);
        assertEquals(Set.of(), calls.get(0)[2]);
        assertEquals(new Paging(4, null), calls.get(0)[3]);
        assertEquals("", err());
    }

    @Test
    public void outcomesAndTheCursorArePassedOn() throws Exception {
        ImportReportCommand c = command();
        c.outcome = "rejected, Skipped";
        c.next = "k7";

        runAs(c, "admin", "crm-admin");

        assertEquals(Set.of(Outcome.REJECTED, Outcome.SKIPPED), calls.get(0)[2]);
        assertEquals(new Paging(Paging.DEFAULT_LIMIT, "k7"), calls.get(0)[3]);
        assertEquals(List.of(ImportReportCommand.NONE), lines(out()));
    }

    @Test
    public void anUnknownOutcomeIsNamedAndNothingIsAsked() throws Exception {
        ImportReportCommand c = command();
        c.outcome = "REJECTED,LOST";

        runAs(c, "admin", "crm-admin");

        assertEquals("Unknown outcome LOST: use CREATED, UPDATED, MERGED, REJECTED, SKIPPED", err().strip());
        assertTrue(calls.isEmpty());
        assertEquals("", out());
    }
}
