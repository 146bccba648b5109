package io.tessera.crm.deals.internal;

import static org.junit.Assert.assertEquals;

import io.tessera.crm.api.Paging;
import io.tessera.crm.api.deals.DealDto;
import io.tessera.crm.api.deals.DealQuery;
import io.tessera.crm.support.testing.TestDatabase;
import java.util.List;
import org.junit.Test;

/** A title search's value reaches Derby as a parameter (eclipselink.jdbc.allow-partial-bind-parameters). */
public class DealSearchBindingTest extends DealsFixture {
    private List<String> found(String q) {
        return deals.list(ANNA, new DealQuery(q, null, null, null, null, null, null, null, false, "title",
                Paging.FIRST)).items().stream().map(DealDto::title).toList();
    }

    @Test
    public void aTitleSearchIsSentWithItsValueBoundSoDerbyCompilesItOnce() {
        deals.create(ANNA, deal("Kitchen for Zebra"));
        deals.create(ANNA, deal("Roof for Okapi"));

        assertEquals(List.of("Kitchen for Zebra"), found("zebr"));
        assertEquals(List.of("Roof for Okapi"), found("okap"));

        TestDatabase.assertSearchesWereBound(emf, "zebr", "okap");
    }
}
