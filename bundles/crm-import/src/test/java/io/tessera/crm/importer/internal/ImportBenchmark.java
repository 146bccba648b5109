package io.tessera.crm.importer.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.Roles;
import io.tessera.crm.api.contacts.CompanyService;
import io.tessera.crm.api.contacts.ContactService;
import io.tessera.crm.api.imports.ImportDto;
import io.tessera.crm.api.imports.ImportOptions;
import io.tessera.crm.contacts.internal.CompanyServiceImpl;
import io.tessera.crm.contacts.internal.ContactBatchServiceImpl;
import io.tessera.crm.contacts.internal.ContactServiceImpl;
import io.tessera.crm.contacts.internal.KeySummaryCache;
import io.tessera.crm.support.testing.FakeUsers;
import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import org.apache.derby.jdbc.EmbeddedDataSource;

/**
 * Not a test (not run in CI): {@code mvn -q -o test-compile -pl bundles/crm-import && java -cp ... ImportBenchmark
 * [rows]}. Generates N contacts (10% duplicates of earlier rows by e-mail), imports them into an on-disk Derby through
 * the real contacts services, and inserts the same rows with raw JDBC batches into the same database.
 */
public final class ImportBenchmark {
    /** The warm-up's contacts are numbered from here: their names, e-mails and phones are not those measured. */
    private static final int WARM_UP_OFFSET = 5_000_000;

    public static void main(String[] args) throws Exception {
        // as the server runs Derby (karaf-distribution's etc/system.properties); -D on the command line overrides it
        Map.of("derby.storage.logBufferSize", "1048576", "derby.language.stalePlanCheckInterval", "5")
                .forEach((name, value) -> {
                    if (System.getProperty(name) == null) {
                        System.setProperty(name, value);
                    }
                });
        // the server's JVM options are in karaf-distribution's bin/setenv: run the benchmark with the same ones
        System.out.printf("JVM: %s %s, options %s, max heap %d MB%n", System.getProperty("java.vm.name"),
                System.getProperty("java.version"), ManagementFactory.getRuntimeMXBean().getInputArguments(),
                Runtime.getRuntime().maxMemory() >> 20);
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 30_000;
        // with a third argument K the file has a company column too: a company for every K rows
        int perCompany = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        // with a fourth argument "update" the measured file is imported a second time with another tag on
        // every row: every row then updates the card the first import made (re-importing a corrected export)
        // ("link" instead: a company column is added, a company for every 50 rows, linking every card to one)
        String pass = args.length > 3 ? args[3] : "";
        boolean updatePass = pass.equals("update") || pass.equals("link");
        Path dir = Paths.get("target", "bench");
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(dir);
        Path db = dir.resolve("db");
        long before = 0;
        Run run;
        long classesBefore;
        try (Server server = new Server(db)) {
            if (warmUp > 0) {
                // A server imports with compiled code; a cold JVM on 2 cores spends about as much CPU time compiling
                // Derby's and EclipseLink's code as importing. So first other contacts (names, e-mails and phones of
                // their own, no duplicates of the measured file) are imported into the same database through the
                // same services; only the second import is measured, against a base that already holds them.
                Run warm = server.importFile(writeCsv(dir.resolve("warm-up.csv"), warmUp, WARM_UP_OFFSET, perCompany));
                System.out.printf("WARM-UP: %d other contacts imported first in %.1f s (JIT %.1f s)%n", warmUp,
                        warm.seconds, warm.jitSeconds);
                before = server.maxContactId();
            }
            Path contacts = writeCsv(dir.resolve("contacts.csv"), n, 0, perCompany);
            classesBefore = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
            run = server.importFile(contacts);
            if (updatePass) {
                Path changed = dir.resolve("contacts-changed.csv");
                Files.writeString(changed, pass.equals("link") ? withCompanies(contacts, 50)
                        : Files.readString(contacts).replace(";bench", ";bench,2026"));
                Run update = server.importFile(changed);
                System.out.printf("UPDATE PASS: %d rows in %.1f s = %.0f rows/s (created %d, updated %d, merged %d,"
                                + " skipped %d, rejected %d); CPU of the import thread %.1f s, JIT %.1f s%n", n,
                        update.seconds, n / update.seconds, update.job.created(), update.job.updated(),
                        update.job.merged(), update.job.skipped(), update.job.rejected(), update.importThreadSeconds,
                        update.jitSeconds);
            }
        }
        double importSeconds = run.seconds;
        ImportDto job = run.job;
        System.out.println(job);
        System.out.printf("IMPORT: %d rows in %.1f s = %.0f rows/s (created %d, merged %d, rejected %d),"
                        + " peak heap in use %d MB of %d MB%n",
                n, importSeconds, n / importSeconds, job.created(), job.merged(), job.rejected(), run.peakHeap >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf("CPU: %.1f s of CPU time in %.1f s (%.2f cores busy of %d); of it the import thread %.1f s,"
                + " GC %.1f s, JIT %.1f s%n", run.cpuSeconds, importSeconds, run.cpuSeconds / importSeconds,
                Runtime.getRuntime().availableProcessors(), run.importThreadSeconds, run.gcSeconds, run.jitSeconds);
        // Derby generates and loads a class for every statement it compiles, also when it recompiles one because a
        // table it reads grew by a tenth (its stale plan check), and the JIT then compiles that class too
        System.out.printf("CLASSES: %d loaded during the measured import%n",
                ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount() - classesBefore);
        System.out.printf("CPU of the other threads: %s%n", run.threadSeconds.entrySet().stream()
                .map(e -> String.format("%s %.1f s", e.getKey(), e.getValue())).collect(Collectors.joining(", ")));
        EmbeddedDataSource ds = dataSource(db);

        // raw JDBC: the same rows (contact + e-mail + phone rows), batches of 1000, one commit per batch
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE RAW_CONTACT (ID BIGINT PRIMARY KEY, FIRST_NAME VARCHAR(100), "
                    + "LAST_NAME VARCHAR(100), POSITION VARCHAR(200), OWNER VARCHAR(100))");
            st.execute("CREATE TABLE RAW_EMAIL (CONTACT_ID BIGINT, EMAIL VARCHAR(254))");
            st.execute("CREATE TABLE RAW_PHONE (CONTACT_ID BIGINT, PHONE VARCHAR(64), DIGITS VARCHAR(64))");
            c.setAutoCommit(false);
            long t1 = System.nanoTime();
            try (PreparedStatement pc = c.prepareStatement("INSERT INTO RAW_CONTACT VALUES (?,?,?,?,?)");
                 PreparedStatement pe = c.prepareStatement("INSERT INTO RAW_EMAIL VALUES (?,?)");
                 PreparedStatement pp = c.prepareStatement("INSERT INTO RAW_PHONE VALUES (?,?,?)")) {
                for (int i = 0; i < n; i++) {
                    pc.setLong(1, i);
                    pc.setString(2, "Иван" + i);
                    pc.setString(3, "Петров" + i);
                    pc.setString(4, "Manager");
                    pc.setString(5, "admin");
                    pc.addBatch();
                    pe.setLong(1, i);
                    pe.setString(2, "ivan" + i + "@example.ru");
                    pe.addBatch();
                    pp.setLong(1, i);
                    pp.setString(2, "+79" + i);
                    pp.setString(3, "79" + i);
                    pp.addBatch();
                    if (i % 1000 == 999) {
                        pc.executeBatch();
                        pe.executeBatch();
                        pp.executeBatch();
                        c.commit();
                    }
                }
                pc.executeBatch();
                pe.executeBatch();
                pp.executeBatch();
                c.commit();
            }
            double rawSeconds = (System.nanoTime() - t1) / 1e9;
            System.out.printf("RAW JDBC: %d rows in %.2f s = %.0f rows/s%n", n, rawSeconds, n / rawSeconds);
            System.out.printf("RATIO import/raw = %.3f%n", (n / importSeconds) / (n / rawSeconds));
            if (updatePass) {
                System.out.println("RAW JDBC, SAME SCHEMA: skipped after an update pass (its rows would be copied too)");
            } else if (n > 200_000) {
                // the copy reads every stored row into memory first (so that only the inserts are timed)
                System.out.println("RAW JDBC, SAME SCHEMA: skipped above 200,000 rows");
            } else {
                double[] same = SameSchemaBaseline.run(c, before);
                System.out.printf("RAW JDBC, SAME SCHEMA: the %d rows the import stored (contacts and their phone, "
                        + "e-mail and tag rows; same columns, keys and indexes) in %.2f s = %.0f file rows/s%n",
                        (long) same[1], same[0], n / same[0]);
                System.out.printf("RATIO import/raw same schema = %.3f%n", same[0] / importSeconds);
                // the targets, scaled to this file: 100,000 rows in under 10 s, at least half the raw rate
                double limit = n / 10_000.0;
                System.out.printf("TARGET: %d rows in under %.1f s: %s (import %.1f s; Derby alone stored the same "
                        + "rows in %.2f s, %s the limit); at least half the same-schema JDBC rate: %s%n", n, limit,
                        importSeconds < limit ? "MET" : "NOT MET", importSeconds, same[0],
                        same[0] < limit ? "under" : "over", same[0] / importSeconds >= 0.5 ? "MET" : "NOT MET");
            }
        }
    }

    /** What one import took: wall and CPU seconds of the whole process while it ran, of them GC and JIT. */
    private record Run(ImportDto job, double seconds, double cpuSeconds, double gcSeconds, double jitSeconds,
                       double importThreadSeconds, long peakHeap, Map<String, Double> threadSeconds) {
    }

    /** The contacts and import services on one database, as a server has them. */
    private static final class Server implements AutoCloseable {
        private final EntityManagerFactory contactsEmf;
        private final EntityManagerFactory importEmf;
        private final ImportServiceImpl imports;
        private final Caller admin = Caller.of("admin", Roles.ADMIN);
        private long importThreadCpu;

        Server(Path db) {
            Map<String, Object> props = Map.of("javax.persistence.nonJtaDataSource", dataSource(db),
                    "eclipselink.logging.level", "WARNING");
            contactsEmf = Persistence.createEntityManagerFactory("crm-contacts", props);
            importEmf = Persistence.createEntityManagerFactory("crm-import", props);
            // events are dropped: a real EventAdmin feeding the timeline would cost more per row
            org.osgi.service.event.EventAdmin events = new org.osgi.service.event.EventAdmin() {
                @Override
                public void postEvent(org.osgi.service.event.Event event) {
                }

                @Override
                public void sendEvent(org.osgi.service.event.Event event) {
                }
            };
            KeySummaryCache keys = new KeySummaryCache(contactsEmf);
            FakeUsers users = ImportServiceFixture.users();
            ContactService contacts = new ContactServiceImpl(contactsEmf, events, users, keys);
            CompanyService companies = new CompanyServiceImpl(contactsEmf, events, users, keys);
            imports = new ImportServiceImpl(importEmf, contacts, companies,
                    new ContactBatchServiceImpl(contactsEmf, events, users, keys), users);
        }

        Run importFile(Path csv) throws Exception {
            System.gc();
            HeapSampler heap = new HeapSampler();
            long t0 = System.nanoTime();
            long cpu0 = processCpuNanos();
            long gc0 = gcMillis();
            long jit0 = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
            ImportDto job = imports.start(admin, csv.getFileName().toString(), csv, ImportOptions.defaults());
            while (!job.status().finished()) {
                job = imports.await(admin, job.id(), Duration.ofSeconds(5));
                System.out.printf("  %d/%d rows, %.0f rows/s%n", job.rowsDone(), job.rowsTotal(), job.rate());
            }
            long threadCpu = importThreadCpuNanos();
            Run run = new Run(job, (System.nanoTime() - t0) / 1e9, (processCpuNanos() - cpu0) / 1e9,
                    (gcMillis() - gc0) / 1e3,
                    (ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jit0) / 1e3,
                    (threadCpu - importThreadCpu) / 1e9, heap.stop(), heap.threadSeconds());
            importThreadCpu = threadCpu;
            return run;
        }

        long maxContactId() {
            var em = contactsEmf.createEntityManager();
            try {
                return ((Number) em.createNativeQuery("SELECT MAX(ID) FROM CON_CONTACT").getSingleResult()).longValue();
            } finally {
                em.close();
            }
        }

        @Override
        public void close() {
            imports.close();
            contactsEmf.close();
            importEmf.close();
        }
    }

    private static EmbeddedDataSource dataSource(Path db) {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(db.toAbsolutePath().toString());
        ds.setCreateDatabase("create");
        return ds;
    }

    /**
     * N contacts numbered from {@code offset}; every 10th row repeats an earlier, original row (10% duplicates by
     * e-mail and phone); with {@code perCompany} > 0 a company column names a company for every that many contacts.
     */
    private static Path writeCsv(Path csv, int n, int offset, int perCompany) throws java.io.IOException {
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("Имя;Фамилия;Телефон;E-mail;Должность;Теги" + (perCompany > 0 ? ";Компания\n" : "\n"));
            for (int i = 0; i < n; i++) {
                int k = offset + (i % 10 == 9 ? (i / 20) * 10 : i);
                w.write("Иван" + k + ";Петров" + k + ";8 (9" + String.format("%02d", k % 100) + ") "
                        + String.format("%03d-%02d-%02d", (k / 10000) % 1000, (k / 100) % 100, k % 100) + ";ivan" + k
                        + "@example.ru;Manager;bench" + (perCompany > 0 ? ";Компания " + k / perCompany : "") + "\n");
            }
        }
        return csv;
    }

    /** The file with a company column added: a company for every {@code perCompany} rows. */
    private static String withCompanies(Path csv, int perCompany) throws java.io.IOException {
        StringBuilder out = new StringBuilder();
        java.util.List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        out.append(lines.get(0)).append(";Компания\n");
        for (int i = 1; i < lines.size(); i++) {
            out.append(lines.get(i)).append(";Компания ").append(i / perCompany).append('\n');
        }
        return out.toString();
    }

    /** The CPU time of the import's own thread (one per ImportServiceImpl; each run has its own). */
    private static long importThreadCpuNanos() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("crm-import"))
                .mapToLong(t -> ManagementFactory.getThreadMXBean().getThreadCpuTime(t.getId())).sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).sum();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The most heap in use (live and garbage not yet collected), read every 10 ms on a thread of its own. */
    private static final class HeapSampler {
        private final AtomicLong max = new AtomicLong();
        private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "heap-sampler");
            t.setDaemon(true);
            return t;
        });

        /** The CPU time of the reader, report and Derby threads, as last seen (they end with the import). */
        private final Map<Long, Map.Entry<String, Long>> threadCpu = new ConcurrentHashMap<>();
        private final Map<Long, Long> threadCpuBefore = new ConcurrentHashMap<>();

        HeapSampler() {
            sampleThreads(threadCpuBefore);
            thread.scheduleAtFixedRate(() -> max.accumulateAndGet(
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max),
                    0, 10, TimeUnit.MILLISECONDS);
            thread.scheduleAtFixedRate(() -> sampleThreads(null), 0, 50, TimeUnit.MILLISECONDS);
        }

        private void sampleThreads(Map<Long, Long> into) {
            var threads = ManagementFactory.getThreadMXBean();
            for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info == null || info.getThreadName().equals("crm-import")
                        || !(info.getThreadName().startsWith("crm-import") || info.getThreadName().startsWith("derby") || info.getThreadName().startsWith("index-stat"))) {
                    continue;
                }
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                if (cpu < 0) {
                    continue;
                }
                if (into != null) {
                    into.put(info.getThreadId(), cpu);
                } else {
                    threadCpu.put(info.getThreadId(), Map.entry(info.getThreadName().replaceAll("-\\d+$", ""),
                            cpu - threadCpuBefore.getOrDefault(info.getThreadId(), 0L)));
                }
            }
        }

        long stop() {
            thread.shutdownNow();
            return max.get();
        }

        /** CPU seconds by thread name (numbered threads of one kind summed), sampled every 50 ms. */
        Map<String, Double> threadSeconds() {
            Map<String, Double> seconds = new TreeMap<>();
            threadCpu.values().forEach(e -> seconds.merge(e.getKey(), e.getValue() / 1e9, Double::sum));
            return seconds;
        }
    }
}
