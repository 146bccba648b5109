package io.tessera.crm.shell.internal;

import static org.junit.Assert.assertEquals;

import io.tessera.crm.api.Page;
import io.tessera.crm.api.imports.ImportDto;
import io.tessera.crm.api.imports.ImportOptions;
import io.tessera.crm.api.imports.ImportRowResult;
import io.tessera.crm.api.imports.ImportRowResult.Outcome;
import java.util.List;
import org.junit.Test;

public class ImportLinesTest {
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
    public void rejectedRowsWithTheirColumnAndReasonThenWhereTheRestAre() {
        Page<ImportRowResult> first = new Page<>(List.of(
                new ImportRowResult(4, Outcome.REJECTED, null, "Телефон", "not a phone number: 12", List.of()),
                new ImportRowResult(9, Outcome.REJECTED, null, null, "no name, e-mail or phone", List.of())), "x");
        assertEquals(List.of("Rejected rows:", "  row 4, column Телефон: not a phone number: 12",
                        "  row 9: no name, e-mail or phone",
                        "  … 1 more: GET /api/v1/imports/7/rows?outcome=REJECTED",
                        "As a file to correct and import again: GET /api/v1/imports/7/rejected"),
                ImportLines.rejected(job(10, 10, ImportDto.Status.DONE), first));
        assertEquals(List.of(), ImportLines.rejected(new ImportDto(7, "a.csv", ImportOptions.Entity.CONTACTS,
                ImportOptions.Mode.CREATE_AND_UPDATE, false, ImportDto.Status.DONE, 1, 1, 1.0, 1, 0, 0, 0, 0,
                List.of(), "UTF-8", ",", "admin", null, null, null), new Page<>(List.of(), null)));
    }
}
