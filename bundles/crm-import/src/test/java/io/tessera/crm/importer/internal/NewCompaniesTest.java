package io.tessera.crm.importer.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.Paging;
import io.tessera.crm.api.ValidationException;
import io.tessera.crm.api.contacts.BatchResult;
import io.tessera.crm.api.contacts.CompanyDto;
import io.tessera.crm.api.contacts.CompanyInput;
import io.tessera.crm.api.contacts.ContactDto;
import io.tessera.crm.api.contacts.RecordQuery;
import io.tessera.crm.api.imports.ImportDto;
import io.tessera.crm.api.imports.ImportOptions;
import io.tessera.crm.api.imports.ImportRowResult;
import io.tessera.crm.api.imports.ImportRowResult.Outcome;
import java.util.ArrayList;
import java.util.List;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * Companies named in a contact file are created per buffer in one batch call ({@link NewCompanies}); when the contacts
 * bundle refuses one, the rows linking to it are rejected with its reason and nothing of them is written, while the
 * other rows import.
 */
public class NewCompaniesTest {
    private static final Caller ADMIN = DecoratedBatchFixture.ADMIN;

    private DecoratedBatchFixture fixture;

    @Before
    public void setUp() {
        // refuses a company named "Refused Ltd", as crm-contacts refuses an invalid one
        fixture = new DecoratedBatchFixture("createCompanies", (real, args) -> {
            @SuppressWarnings("unchecked")
            List<CompanyInput> inputs = (List<CompanyInput>) args[1];
            List<BatchResult> made = real.createCompanies((Caller) args[0],
                    inputs.stream().filter(c -> !c.name().equals("Refused Ltd")).toList());
            List<BatchResult> out = new ArrayList<>();
            int k = 0;
            for (CompanyInput c : inputs) {
                out.add(c.name().equals("Refused Ltd")
                        ? BatchResult.failed(new ValidationException("name", "is not allowed")) : made.get(k++));
            }
            return out;
        });
    }

    @After
    public void tearDown() {
        fixture.close();
    }

    @Test
    public void aRefusedCompanyRejectsTheRowsLinkingToItAndTheOthersImport() {
        String csv = "First name;Last name;Company\n"
                + "Anna;Lee;Good Firm\n"
                + "Bob;Ray;Refused Ltd\n"
                + "Carl;Fox;Good Firm\n"
                + "Dina;Moss;Refused Ltd\n";
        ImportDto job = fixture.run("people.csv", csv, ImportOptions.defaults());

        assertEquals(job.toString(), 2, job.created());
        assertEquals(job.toString(), 2, job.rejected());
        List<ImportRowResult> rows = fixture.imports.report(ADMIN, job.id(), new Paging(10, null)).items();
        assertEquals(List.of(Outcome.CREATED, Outcome.REJECTED, Outcome.CREATED, Outcome.REJECTED),
                rows.stream().map(ImportRowResult::outcome).toList());
        assertTrue(rows.get(1).message(), rows.get(1).message().contains("is not allowed"));
        List<CompanyDto> firms = fixture.companies.list(ADMIN, RecordQuery.all()).items();
        assertEquals(List.of("Good Firm"), firms.stream().map(CompanyDto::name).toList());
        List<ContactDto> people = fixture.contacts.list(ADMIN, RecordQuery.all()).items();
        assertEquals(2, people.size());
        for (ContactDto c : people) {
            assertEquals(c.lastName(), List.of(firms.get(0).id()), c.companyIds());
        }
    }
}
