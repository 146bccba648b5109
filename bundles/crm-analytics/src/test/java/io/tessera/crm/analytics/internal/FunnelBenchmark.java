package io.tessera.crm.analytics.internal;

import io.tessera.crm.api.deals.PipelineDto;
import java.io.File;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.persistence.EntityManagerFactory;
import javax.persistence.Index;
import javax.persistence.Persistence;
import javax.persistence.Table;
import org.apache.derby.jdbc.EmbeddedDataSource;

/**
 * Not a test (surefire excludes *Benchmark*): seeds N deals (default 1,000,000) with their stage visits into an
 * on-disk Derby database through batched JDBC inserts into the projection tables, builds the roll-ups from them with
 * the projection's set-based rebuild ({@link Rollups#rebuild}), then times each figure (cold: its first query in this
 * JVM - for the funnel the first query after opening the database; warm: best and median of 5 more) over the last
 * 90 days of two years of data. Run from bundles/crm-analytics (see README.md):
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat target/test.cp) \
 *     io.tessera.crm.analytics.internal.FunnelBenchmark [DIR [DEALS]]
 * </pre>
 * The database (default target/funnel-benchmark) is reused when it already holds N deals; the roll-ups are rebuilt
 * when they are missing. Run twice: the first run has just written the data.
 */
public final class FunnelBenchmark {
    private static final Instant END = Instant.parse("2026-03-16T00:00:00Z");
    private static final Instant START = END.minus(730, ChronoUnit.DAYS);
    private static final String[] SOURCES = {"web", "referral", "partner", "cold call", "exhibition", null};
    private static final String[] OWNERS = {"anna", "boris", "carol", "dmitry", "elena", "fedor", "galina", "ivan"};
    private static final String[] REASONS = {"Too expensive", "Chose a competitor", "No budget", "No response"};

    private FunnelBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String dir = args.length > 0 ? args[0] : "target/funnel-benchmark";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        System.setProperty("derby.stream.error.file", new File(dir + ".derby.log").getAbsolutePath());
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(new File(dir).getAbsolutePath());
        ds.setCreateDatabase("create");

        long t0 = System.nanoTime();
        EntityManagerFactory emf = Persistence.createEntityManagerFactory("crm-analytics", Map.of(
                "javax.persistence.nonJtaDataSource", ds, "eclipselink.logging.level", "WARNING"));
        emf.createEntityManager().close(); // creates the tables and indexes
        long existing;
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM ANL_DEAL")) {
            rs.next();
            existing = rs.getLong(1);
        }
        if (existing != n) {
            System.out.printf("Seeding %,d deals into %s ...%n", n, new File(dir).getAbsolutePath());
            long[] rows = seed(ds, n);
            System.out.printf("Seeded %,d deals and %,d stage entries in %.1f s%n", rows[0], rows[1],
                    (System.nanoTime() - t0) / 1e9);
        } else {
            System.out.printf("Reusing %,d deals in %s%n", existing, new File(dir).getAbsolutePath());
        }
        long rollups = count(ds, "ANL_ROLLUP");
        if (existing != n || count(ds, "ANL_ROLLUP WHERE KIND = 7") == 0) { // missing or from an older layout
            // the roll-ups from the seeded rows, with the projection's own set-based rebuild
            long r0 = System.nanoTime();
            javax.persistence.EntityManager em = emf.createEntityManager();
            em.getTransaction().begin();
            Rollups.rebuild(em);
            em.getTransaction().commit();
            em.close();
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.execute("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS('APP', 'ANL_ROLLUP', NULL)");
            }
            rollups = count(ds, "ANL_ROLLUP");
            System.out.printf("Roll-ups rebuilt (INSERT ... SELECT ... GROUP BY): %,d rows in %.1f s%n", rollups,
                    (System.nanoTime() - r0) / 1e9);
            System.out.println("(Run again for cold first queries: this JVM has just written the data.)");
        }
        System.out.printf("Projection: %,d deals, %,d stage entries, %,d roll-up rows%n", n,
                count(ds, "ANL_STAGE_ENTRY"), rollups);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT KIND, COUNT(*) FROM ANL_ROLLUP GROUP BY KIND ORDER BY KIND")) {
            StringBuilder kinds = new StringBuilder("  roll-up rows per kind (1 stage, 2 duration hours, 3 closed,"
                    + " 4 source, 5 forecast):");
            while (rs.next()) {
                kinds.append(String.format(" %d=%,d", rs.getInt(1), rs.getLong(2)));
            }
            System.out.println(kinds);
        }

        AnalyticsQueries queries = new AnalyticsQueries(emf);
        Fakes.Pipelines pipelines = new Fakes.Pipelines();
        PipelineDto sales = pipelines.get(null, Fakes.SALES);
        LocalDate to = LocalDate.parse("2026-03-16");
        LocalDate from = to.minusDays(90);

        System.out.println("Times: cold = the figure's first query in this JVM (the funnel's is the first query after"
                + " opening the database), warm = best and median of 5 more");
        Reports.Funnel funnel = (Reports.Funnel) time("funnel", () -> queries.funnel(sales, from, to));
        System.out.printf("Funnel of pipeline '%s', %s to %s (of %,d deals):%n", sales.name(), from, to, n);
        for (Reports.FunnelStage s : funnel.stages()) {
            System.out.printf("  %-9s entered %,8d  amount %-32s conversion %-7s median %s h (of %,d)%n", s.name(),
                    s.entered(), s.amounts(), s.conversion(), s.medianHours(), s.medianOf());
        }
        System.out.println(time("win rate", () -> queries.winRate(sales, from, to)));
        System.out.println(time("loss reasons", () -> queries.lossReasons(sales, from, to)));
        System.out.println(time("managers", () -> queries.managers(sales, from, to, END)));
        System.out.println(time("forecast", () -> queries.forecast(sales, null, null)));
        System.out.println(time("sources", () -> queries.sources(sales, from, to)));
        // code warm, data cold: the other pipeline's rows have not been read yet
        PipelineDto partners = pipelines.get(null, Fakes.PARTNERS);
        time("funnel Partners", () -> queries.funnel(partners, from, to));
        LocalDate yearFrom = to.minusDays(365);
        time("funnel 365 d", () -> queries.funnel(sales, yearFrom, to));
        time("sources 365 d", () -> queries.sources(sales, yearFrom, to));
        emf.close();
    }

    private static long count(EmbeddedDataSource ds, String table) throws java.sql.SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Object time(String name, java.util.function.Supplier<Object> figure) {
        long t = System.nanoTime();
        Object first = figure.get();
        double cold = (System.nanoTime() - t) / 1e6;
        double[] warm = new double[5];
        for (int i = 0; i < warm.length; i++) {
            long w0 = System.nanoTime();
            figure.get();
            warm[i] = (System.nanoTime() - w0) / 1e6;
        }
        Arrays.sort(warm);
        System.out.printf("%-15s cold %5.0f ms, warm best %5.0f ms, warm median %5.0f ms%n", name, cold, warm[0],
                warm[2]);
        return first;
    }

    /** Drops the secondary indexes, bulk-inserts, recreates them (faster than maintaining them row by row). */
    private static long[] seed(EmbeddedDataSource ds, int n) throws Exception {
        List<String[]> indexes = new ArrayList<>();
        for (Class<?> entity : List.of(AnlDealEntity.class, AnlStageEntryEntity.class)) {
            Table table = entity.getAnnotation(Table.class);
            for (Index index : table.indexes()) {
                indexes.add(new String[] {index.name(), table.name(), index.columnList()});
            }
        }
        Random random = new Random(42);
        long deals = 0;
        long entries = 0;
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM ANL_ROLLUP");
                s.executeUpdate("DELETE FROM ANL_STAGE_ENTRY");
                s.executeUpdate("DELETE FROM ANL_DEAL");
                for (String[] index : indexes) {
                    try {
                        s.executeUpdate("DROP INDEX " + index[0]);
                    } catch (java.sql.SQLException absent) {
                        // not there
                    }
                }
            }
            c.commit();
            try (PreparedStatement deal = c.prepareStatement("INSERT INTO ANL_DEAL (DEAL_ID, VERSION, SOURCE_VERSION,"
                    + " PIPELINE_ID, STAGE_ID, STATUS, AMOUNT, CURRENCY_CODE, OWNER, SOURCE, CREATED_AT,"
                    + " EXPECTED_CLOSE_DATE, CLOSE_MONTH, CLOSED_AT, LOSS_REASON, ARCHIVED)"
                    + " VALUES (?, 1, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement entry = c.prepareStatement("INSERT INTO ANL_STAGE_ENTRY (DEAL_ID, SEQ,"
                         + " PIPELINE_ID, STAGE_ID, ENTERED_AT, LEFT_AT, DURATION_SECONDS, FIRST_ENTRY, ARCHIVED,"
                         + " AMOUNT, CURRENCY_CODE) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                long span = END.getEpochSecond() - START.getEpochSecond();
                for (long id = 1; id <= n; id++) {
                    boolean partners = random.nextInt(5) == 0;
                    long pipeline = partners ? Fakes.PARTNERS : Fakes.SALES;
                    long[] open = partners ? new long[] {21} : new long[] {11, 12, 13};
                    long won = partners ? 22 : 14;
                    long lost = partners ? 23 : 15;
                    Instant at = START.plusSeconds((long) (random.nextDouble() * span));
                    Instant created = at;
                    String currency = random.nextInt(10) == 0 ? "USD" : "RUB";
                    BigDecimal amount = BigDecimal.valueOf(1000 + random.nextInt(500_000), 2);
                    boolean archived = random.nextInt(100) == 0;
                    List<long[]> visits = new ArrayList<>(); // stage, entered epoch second
                    String status = "OPEN";
                    long stage = open[0];
                    visits.add(new long[] {stage, at.getEpochSecond()});
                    for (int i = 0; ; i++) {
                        at = at.plusSeconds(3600L + random.nextInt(20 * 24 * 3600));
                        if (at.isAfter(END) || random.nextInt(10) < 2) {
                            break; // still open
                        }
                        int roll = random.nextInt(10);
                        if (roll < 3) {
                            stage = lost;
                            status = "LOST";
                        } else if (i + 1 < open.length) {
                            stage = open[i + 1];
                        } else {
                            stage = won;
                            status = "WON";
                        }
                        visits.add(new long[] {stage, at.getEpochSecond()});
                        if (!status.equals("OPEN")) {
                            break;
                        }
                    }
                    LocalDate expected = status.equals("OPEN") && random.nextInt(4) > 0
                            ? LocalDate.parse("2026-03-01").plusDays(random.nextInt(365)) : null;
                    Instant closed = status.equals("OPEN") ? null : Instant.ofEpochSecond(visits.get(visits.size() - 1)[1]);
                    deal.setLong(1, id);
                    deal.setLong(2, pipeline);
                    deal.setLong(3, stage);
                    deal.setString(4, status);
                    deal.setBigDecimal(5, amount);
                    deal.setString(6, currency);
                    deal.setString(7, OWNERS[random.nextInt(OWNERS.length)]);
                    deal.setString(8, SOURCES[random.nextInt(SOURCES.length)]);
                    deal.setTimestamp(9, Timestamp.from(created));
                    deal.setObject(10, expected == null ? null : java.sql.Date.valueOf(expected), java.sql.Types.DATE);
                    deal.setString(11, expected == null ? null : expected.toString().substring(0, 7));
                    deal.setTimestamp(12, closed == null ? null : Timestamp.from(closed));
                    deal.setString(13, status.equals("LOST") ? REASONS[random.nextInt(REASONS.length)] : null);
                    deal.setBoolean(14, archived);
                    deal.addBatch();
                    deals++;
                    for (int v = 0; v < visits.size(); v++) {
                        long[] visit = visits.get(v);
                        Long left = v + 1 < visits.size() ? visits.get(v + 1)[1] : null;
                        entry.setLong(1, id);
                        entry.setInt(2, v);
                        entry.setLong(3, pipeline);
                        entry.setLong(4, visit[0]);
                        entry.setTimestamp(5, Timestamp.from(Instant.ofEpochSecond(visit[1])));
                        entry.setTimestamp(6, left == null ? null : Timestamp.from(Instant.ofEpochSecond(left)));
                        entry.setObject(7, left == null ? null : left - visit[1], java.sql.Types.BIGINT);
                        entry.setBoolean(8, true);
                        entry.setBoolean(9, archived);
                        entry.setBigDecimal(10, amount);
                        entry.setString(11, currency);
                        entry.addBatch();
                        entries++;
                    }
                    if (id % 5_000 == 0) {
                        deal.executeBatch();
                        entry.executeBatch();
                        c.commit();
                    }
                    if (id % 200_000 == 0) {
                        System.out.printf("  %,d deals%n", id);
                    }
                }
                deal.executeBatch();
                entry.executeBatch();
                c.commit();
            }
            long i0 = System.nanoTime();
            try (Statement s = c.createStatement()) {
                for (String[] index : indexes) {
                    s.executeUpdate("CREATE INDEX " + index[0] + " ON " + index[1] + " (" + index[2] + ")");
                }
                // fresh optimizer statistics for the new data
                s.execute("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS('APP', 'ANL_DEAL', NULL)");
                s.execute("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS('APP', 'ANL_STAGE_ENTRY', NULL)");
            }
            c.commit();
            System.out.printf("  indexes rebuilt in %.1f s%n", (System.nanoTime() - i0) / 1e9);
        }
        return new long[] {deals, entries};
    }
}
