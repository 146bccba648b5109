package io.tessera.crm.deals.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.tessera.crm.api.Page;
import io.tessera.crm.api.Paging;
import io.tessera.crm.api.deals.DealDto;
import io.tessera.crm.api.deals.DealInput;
import io.tessera.crm.api.deals.DealQuery;
import io.tessera.crm.support.jpa.Indexes;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import javax.persistence.EntityManager;
import org.junit.Test;

/**
 * Keyset pages of deal lists ({@link DealListQuery}): every deal once in the sort's order, with equal creation times
 * (a batch shares one), a deal stored between pages, cursors of another sort or an earlier version, and the plan of
 * the default order on {@link DealListIndex}'s index.
 */
public class DealListPagingTest extends DealsFixture {
    @Test
    public void pagesNewestFirstGiveEveryDealOnceAndADealStoredMeanwhileShiftsNone() {
        List<DealInput> batch = IntStream.range(0, 7).mapToObj(i -> deal("Deal " + i)).toList();
        deals.createAll(ANNA, batch);
        deals.createAll(ANNA, List.of(deal("Later 1"), deal("Later 2")));
        List<DealDto> expected = new ArrayList<>(deals.list(ANNA, query("-createdAt", new Paging(100, null)))
                .items());
        expected.sort(Comparator.comparing(DealDto::createdAt).thenComparing(DealDto::id).reversed());
        assertEquals("one query's order: newest first, then the higher id", expected,
                deals.list(ANNA, query("-createdAt", new Paging(100, null))).items());

        List<DealDto> seen = new ArrayList<>();
        Page<DealDto> page = deals.list(ANNA, query(null, new Paging(4, null)));
        seen.addAll(page.items());
        deals.create(ANNA, deal("Stored between pages"));
        while (page.nextCursor() != null) {
            page = deals.list(ANNA, query(null, new Paging(4, page.nextCursor())));
            seen.addAll(page.items());
        }
        assertEquals(expected, seen);
    }

    @Test
    public void everyKeysetSortWalksInItsOrder() {
        deals.createAll(ANNA, List.of(deal("b"), deal("a"), deal("c"), deal("a")));
        deals.create(ANNA, deal("d"));
        for (String sort : List.of("createdAt", "-createdAt", "updatedAt", "-updatedAt", "title", "-title")) {
            List<DealDto> all = deals.list(ANNA, query(sort, new Paging(100, null))).items();
            List<DealDto> paged = new ArrayList<>();
            String cursor = null;
            do {
                Page<DealDto> page = deals.list(ANNA, query(sort, new Paging(2, cursor)));
                paged.addAll(page.items());
                cursor = page.nextCursor();
            } while (cursor != null);
            assertEquals(sort, all, paged);
            assertEquals(sort, 5, paged.size());
        }
        assertEquals(List.of("a", "a", "b", "c", "d"), titles(deals.list(ANNA, query("title", null))));
    }

    @Test
    public void aCursorOfAnotherSortIsRefusedAndAnEarlierVersionsOffsetCursorIsTaken() {
        deals.createAll(ANNA, List.of(deal("a"), deal("b"), deal("c")));
        String byTitle = deals.list(ANNA, query("title", new Paging(1, null))).nextCursor();
        String byAmount = deals.list(ANNA, query("amount", new Paging(1, null))).nextCursor();
        assertFields(() -> deals.list(ANNA, query("-createdAt", new Paging(1, byTitle))), "cursor");
        assertFields(() -> deals.list(ANNA, query("amount", new Paging(1, byTitle))), "cursor");
        assertEquals(List.of("b"), titles(deals.list(ANNA, query("title", new Paging(1, byAmount)))));
        assertFields(() -> deals.list(ANNA, query("-createdAt", new Paging(1, encode("v:createdAt:1:sNot a time")))),
                "cursor");
        assertFields(() -> deals.list(ANNA, query("title", new Paging(1, encode("v:title:x:sa")))), "cursor");
    }

    @Test
    public void aPageNewestFirstReadsTheListIndexWithoutSorting() throws SQLException {
        for (int i = 0; i < 6; i++) {
            deals.createAll(ADMIN, IntStream.range(0, 50).mapToObj(k -> deal("Deal " + k)).toList());
        }
        assertEquals("made when the deals started, not again", 0,
                Indexes.createMissing(emf, List.of(DealListIndex.NEWEST_FIRST)));
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            Connection c = em.unwrap(Connection.class);
            String first = plan(c, "SELECT ID FROM DEAL_DEAL WHERE (ARCHIVED = ?) ORDER BY CREATED_AT DESC, ID DESC"
                    + " FETCH FIRST 51 ROWS ONLY", false);
            String next = plan(c, "SELECT ID FROM DEAL_DEAL WHERE ((ARCHIVED = ?) AND ((CREATED_AT <= ?) AND"
                    + " ((CREATED_AT < ?) OR (ID < ?)))) ORDER BY CREATED_AT DESC, ID DESC FETCH FIRST 51 ROWS ONLY",
                    true);
            for (String plan : List.of(first, next)) {
                assertTrue(plan, plan.contains("Index Scan ResultSet for DEAL_DEAL using index DEAL_DEAL_LIST_IX"));
                assertFalse(plan, plan.contains("Sort ResultSet"));
            }
            em.getTransaction().rollback();
        } finally {
            em.close();
        }
    }

    /** Derby's plan of the query for unarchived deals, after the newest 100 when {@code after}. */
    private static String plan(Connection c, String sql, boolean after) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CALL SYSCS_UTIL.SYSCS_SET_RUNTIMESTATISTICS(1)");
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setBoolean(1, false);
                if (after) {
                    java.sql.Timestamp t;
                    long id;
                    try (ResultSet rs = st.executeQuery("SELECT CREATED_AT, ID FROM DEAL_DEAL ORDER BY ID DESC"
                            + " OFFSET 100 ROWS FETCH NEXT 1 ROW ONLY")) {
                        rs.next();
                        t = rs.getTimestamp(1);
                        id = rs.getLong(2);
                    }
                    ps.setTimestamp(2, t);
                    ps.setTimestamp(3, t);
                    ps.setLong(4, id);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    int n = 0;
                    while (rs.next()) {
                        n++;
                    }
                    assertEquals(51, n);
                }
            }
            try (ResultSet rs = st.executeQuery("VALUES SYSCS_UTIL.SYSCS_GET_RUNTIMESTATISTICS()")) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static DealQuery query(String sort, Paging paging) {
        return new DealQuery(null, null, null, null, null, null, null, null, false, sort, paging);
    }

    private static String encode(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }
}
