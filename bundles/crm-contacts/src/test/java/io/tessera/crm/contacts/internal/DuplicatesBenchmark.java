package io.tessera.crm.contacts.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.Page;
import io.tessera.crm.api.Paging;
import io.tessera.crm.api.contacts.BatchResult;
import io.tessera.crm.api.contacts.CompanyInput;
import io.tessera.crm.api.contacts.ContactInput;
import io.tessera.crm.api.contacts.DuplicateGroup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import org.apache.derby.jdbc.EmbeddedDataSource;

/**
 * Not a test (not run in CI): the duplicate listing on a large base. Builds an on-disk Derby base of N contacts in
 * N/5 companies (every 50th contact a typo of its company's first contact, every 100th an equal name), then times
 * the first page of {@code /contacts/duplicates} and paging through every group.
 * {@code java -cp test-classes:classes:$(cat cp.txt) io.tessera.crm.contacts.internal.DuplicatesBenchmark 100000}
 */
public final class DuplicatesBenchmark {
    private static final String[] FIRST = {"Иван", "Пётр", "Анна", "Ольга", "Сергей", "Мария", "Олег", "Елена"};

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path dir = Paths.get("target", "dup-bench");
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(dir);
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(dir.resolve("db").toAbsolutePath().toString());
        ds.setCreateDatabase("create");
        EntityManagerFactory emf = Persistence.createEntityManagerFactory("crm-contacts",
                Map.of("javax.persistence.nonJtaDataSource", ds, "eclipselink.logging.level", "WARNING"));
        Fixtures.RecordingEvents events = new Fixtures.RecordingEvents();
        ContactBatchServiceImpl batch = new ContactBatchServiceImpl(emf, events, new Fixtures.Users(),
                new KeySummaryCache(emf), Clock.systemUTC());
        DuplicateServiceImpl duplicates = new DuplicateServiceImpl(emf, events, Clock.systemUTC());
        Caller admin = Fixtures.ADMIN;

        long t0 = System.nanoTime();
        int companies = Math.max(1, n / 5);
        List<Long> companyIds = new ArrayList<>();
        for (int from = 0; from < companies; from += 500) {
            List<CompanyInput> inputs = new ArrayList<>();
            for (int i = from; i < Math.min(companies, from + 500); i++) {
                inputs.add(new CompanyInput("Компания " + i, null, null, null, null, List.of(), List.of(), null,
                        Set.of(), Map.of(), null));
            }
            batch.createCompanies(admin, inputs).forEach(r -> companyIds.add(r.id()));
            events.clear();
        }
        for (int from = 0; from < n; from += 500) {
            List<ContactInput> inputs = new ArrayList<>();
            for (int i = from; i < Math.min(n, from + 500); i++) {
                int company = i / 5;
                String first = FIRST[i % FIRST.length];
                String last = "Фамилия" + i;
                if (i % 50 == 4) { // a typo of the company's first contact
                    first = FIRST[(i - 4) % FIRST.length];
                    last = "Фамилмя" + (i - 4);
                } else if (i % 100 == 3) { // the same name as the company's first contact
                    first = FIRST[(i - 3) % FIRST.length];
                    last = "Фамилия" + (i - 3);
                }
                inputs.add(new ContactInput(first, last, null, List.of(), List.of(), null, null, Set.of(), Map.of(),
                        null, null, List.of(companyIds.get(company))));
            }
            for (BatchResult r : batch.createContacts(admin, inputs)) {
                if (!r.ok()) {
                    throw new IllegalStateException(r.error());
                }
            }
            events.clear();
        }
        System.out.printf("base: %d contacts in %d companies, written in %.1f s%n", n, companies,
                (System.nanoTime() - t0) / 1e9);

        for (int run = 0; run < 2; run++) {
            long t1 = System.nanoTime();
            Page<DuplicateGroup> first = duplicates.contactDuplicates(admin, new Paging(50, null));
            System.out.printf("first page (50 groups): %.2f s; e.g. %s %s%n", (System.nanoTime() - t1) / 1e9,
                    first.items().get(0).ids(), first.items().get(0).reason());
        }
        long t2 = System.nanoTime();
        int groups = 0;
        int pages = 0;
        String cursor = null;
        do {
            Page<DuplicateGroup> page = duplicates.contactDuplicates(admin, new Paging(100, cursor));
            groups += page.items().size();
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);
        System.out.printf("all groups: %d in %d pages of 100, %.1f s%n", groups, pages, (System.nanoTime() - t2) / 1e9);
        emf.close();
    }
}
