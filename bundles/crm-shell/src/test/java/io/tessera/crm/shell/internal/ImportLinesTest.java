package io.tessera.crm.shell.internal;

import static org.junit.Assert.assertEquals;

import io.tessera.crm.api.imports.ImportDto;
import io.tessera.crm.api.imports.ImportOptions;
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
                        "Columns not imported: Loyalty", "Rejected rows: GET /api/v1/imports/7/rows"),
                ImportLines.summary(job(10, 10, ImportDto.Status.DONE)));
    }
}
