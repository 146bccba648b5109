package io.tessera.crm.deals.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.tessera.crm.api.NotFoundException;
import io.tessera.crm.api.Page;
import io.tessera.crm.api.Paging;
import io.tessera.crm.api.deals.DealDto;
import io.tessera.crm.api.deals.DealQuery;
import io.tessera.crm.api.deals.DealStatus;
import io.tessera.crm.api.deals.PipelineDto;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.Test;

/** Deal lists: who sees what, filters and paging (DealListQuery through the service). */
public class DealListTest extends DealsFixture {
    @Test
    public void salesSeeOnlyTheirOwnDeals() {
        DealDto annas = deals.create(ANNA, deal("Anna's"));
        DealDto bens = deals.create(BEN, deal("Ben's"));
        assertThrows(NotFoundException.class, () -> deals.get(BEN, annas.id()));
        assertThrows(NotFoundException.class, () -> deals.update(BEN, annas.id(), annas.version(), deal("Mine")));
        assertThrows(NotFoundException.class, () -> deals.moveToStage(BEN, annas.id(), annas.version(),
                stage(sales(), "Won").id(), null, null));
        assertThrows(NotFoundException.class, () -> deals.archive(BEN, annas.id()));
        assertThrows(NotFoundException.class, () -> deals.restore(BEN, annas.id()));
        assertThrows(NotFoundException.class, () -> deals.get(ANNA, 9999));
        assertThrows(NotFoundException.class, () -> deals.isArchived(BEN, annas.id()));
        assertThrows(NotFoundException.class, () -> deals.isArchived(ANNA, 9999));
        assertFalse(deals.isArchived(MANAGER, annas.id()));
        assertEquals(List.of("Anna's"), titles(deals.list(ANNA, DealQuery.all())));
        assertEquals(List.of("Ben's"), titles(deals.list(BEN, DealQuery.all())));
        assertEquals(List.of(), titles(deals.list(ANNA, filter(null, "ben", null, null, null, null, null, null,
                false))));
        assertEquals(List.of("Anna's", "Ben's"), titles(deals.list(MANAGER, new DealQuery(null, null, null, null,
                null, null, null, null, false, "title", null))));
        assertEquals(List.of("Ben's"), titles(deals.list(ADMIN, filter(null, "ben", null, null, null, null, null,
                null, false))));
        // A sales user cannot give a deal away.
        assertFields(() -> deals.update(ANNA, annas.id(), annas.version(), withOwner(inputOf(annas), "ben")),
                "owner");
        assertEquals("ben", deals.update(MANAGER, annas.id(), annas.version(), withOwner(inputOf(annas), "ben"))
                .owner());
        assertThrows(NotFoundException.class, () -> deals.get(ANNA, annas.id()));
        assertEquals(bens, deals.get(BEN, bens.id()));
    }

    @Test
    public void pagingGivesEveryDealExactlyOnce() {
        Set<Long> created = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            created.add(deals.create(ANNA, deal("Deal " + i)).id());
        }
        deals.create(BEN, deal("Ben's"));
        for (String sort : List.of("title", "-createdAt", "createdAt", "amount", "-amount", "expectedCloseDate")) {
            List<Long> seen = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                Page<DealDto> page = deals.list(ANNA, new DealQuery(null, null, null, null, null, null, null, null,
                        false, sort, new Paging(3, cursor)));
                page.items().forEach(d -> seen.add(d.id()));
                cursor = page.nextCursor();
                pages++;
                assertTrue(page.items().size() <= 3);
            } while (cursor != null);
            assertEquals(sort, 3, pages);
            assertEquals(sort, 7, seen.size());
            assertEquals(sort, created, new HashSet<>(seen));
        }
        Page<DealDto> titleOrder = deals.list(ANNA, new DealQuery(null, null, null, null, null, null, null, null,
                false, "title", new Paging(3, null)));
        assertEquals(List.of("Deal 0", "Deal 1", "Deal 2"), titles(titleOrder));
        assertEquals(List.of("Deal 3", "Deal 4", "Deal 5"), titles(deals.list(ANNA, new DealQuery(null, null, null,
                null, null, null, null, null, false, "title", new Paging(3, titleOrder.nextCursor())))));
        assertFields(() -> deals.list(ANNA, new DealQuery(null, null, null, null, null, null, null, null, false,
                "owner", null)), "sort");
        assertFields(() -> deals.list(ANNA, new DealQuery(null, null, null, null, null, null, null, null, false,
                null, new Paging(3, "garbage"))), "cursor");
    }

    @Test
    public void filters() {
        PipelineDto sales = sales();
        DealDto kitchen = deals.create(ANNA, withLinks(withAmount(deal("Big Kitchen"), "5000", "EUR"), 1L,
                List.of(11L, 12L)));
        DealDto bath = deals.create(ANNA, withLinks(withAmount(deal("Bath 100%"), "100", "EUR"), null,
                List.of(12L)));
        DealDto roof = deals.create(BEN, withLinks(deal("Roof_1"), 2L, List.of(13L)));
        DealDto lostA = deals.moveToStage(ANNA, bath.id(), bath.version(), stage(sales, "Lost").id(),
                "Too expensive", null);
        DealDto lostB = deals.moveToStage(BEN, roof.id(), roof.version(), stage(sales, "Lost").id(), "No budget",
                null);
        assertEquals(List.of("Big Kitchen"), titles(deals.list(MANAGER, filter("kitch", null, null, null, null,
                null, null, null, false))));
        assertEquals(List.of("Bath 100%"), titles(deals.list(MANAGER, filter("0%", null, null, null, null, null,
                null, null, false))));
        assertEquals(List.of("Roof_1"), titles(deals.list(MANAGER, filter("F_", null, null, null, null, null,
                null, null, false))));
        assertEquals(List.of("Bath 100%", "Roof_1"), titles(deals.list(MANAGER, filter(null, null, null, null,
                DealStatus.LOST, null, null, null, false))));
        assertEquals(List.of("Bath 100%"), titles(deals.list(MANAGER, filter(null, null, null, null, null, null,
                null, "Too expensive", false))));
        assertEquals(List.of("Roof_1"), titles(deals.list(MANAGER, filter(null, null, null, null, null, null,
                null, "No budget", false))));
        assertEquals(List.of(), titles(deals.list(ANNA, filter(null, null, null, null, null, null, null,
                "No budget", false))));
        assertEquals(List.of("Big Kitchen"), titles(deals.list(MANAGER, filter(null, null, null, null,
                DealStatus.OPEN, null, null, null, false))));
        assertEquals(List.of("Big Kitchen"), titles(deals.list(MANAGER, filter(null, null, null, null, null, 1L,
                null, null, false))));
        assertEquals(List.of("Bath 100%", "Big Kitchen"), titles(deals.list(MANAGER, filter(null, null, null, null,
                null, null, 12L, null, false))));
        assertEquals(List.of("Roof_1"), titles(deals.list(MANAGER, filter(null, null, null, null, null, null, 13L,
                null, false))));
        assertEquals(List.of("Bath 100%", "Roof_1"), titles(deals.list(MANAGER, filter(null, null, null,
                stage(sales, "Lost").id(), null, null, null, null, false))));
        assertEquals(List.of("Bath 100%", "Big Kitchen", "Roof_1"), titles(deals.list(MANAGER, filter(null, null,
                sales.id(), null, null, null, null, null, false))));
        assertEquals(List.of("Bath 100%", "Big Kitchen"), titles(deals.list(MANAGER, filter(null, "anna", null,
                null, null, null, null, null, false))));
        assertEquals(List.of(kitchen.id(), lostA.id()), deals.list(MANAGER, new DealQuery(null, null, null, null,
                null, null, null, null, false, "-amount", null)).items().stream()
                .filter(d -> d.amount() != null).map(DealDto::id).toList());
        assertEquals(List.of(lostB.id(), lostA.id(), kitchen.id()), deals.list(MANAGER, DealQuery.all()).items()
                .stream().map(DealDto::id).toList());
    }
}
