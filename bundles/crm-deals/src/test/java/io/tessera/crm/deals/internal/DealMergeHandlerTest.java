package io.tessera.crm.deals.internal;

import static org.junit.Assert.assertEquals;

import io.tessera.crm.api.CrmEvents;
import io.tessera.crm.api.deals.DealDto;
import io.tessera.crm.api.deals.DealQuery;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.osgi.service.event.Event;

public class DealMergeHandlerTest extends DealsFixture {

    private static Event merged(String entity, Object mergedId, Object survivorId) {
        Map<String, Object> props = new HashMap<>();
        props.put(CrmEvents.ENTITY, entity);
        props.put(CrmEvents.ID, mergedId);
        props.put(CrmEvents.SURVIVOR_ID, survivorId);
        return new Event(CrmEvents.topic(entity, CrmEvents.MERGED), props);
    }

    private static Event restored(String entity, long mergedId, long survivorId) {
        Map<String, Object> props = new HashMap<>();
        props.put(CrmEvents.ENTITY, entity);
        props.put(CrmEvents.ID, mergedId);
        props.put(CrmEvents.SURVIVOR_ID, survivorId);
        return new Event(CrmEvents.topic(entity, CrmEvents.RESTORED), props);
    }

    @Test
    public void restoringTheMergedRecordPointsItsDealsBack() {
        DealDto onlyMerged = deals.create(MANAGER, withLinks(withOwner(deal("Only merged"), "anna"), 1L, List.of(13L, 12L)));
        DealDto both = deals.create(MANAGER, withLinks(withOwner(deal("Both"), "anna"), null, List.of(12L, 13L, 11L)));
        DealDto survivors = deals.create(MANAGER, withLinks(withOwner(deal("Survivor's"), "anna"), 2L, List.of(11L)));
        DealMergeHandler handler = new DealMergeHandler(emf);
        handler.handleEvent(merged(CrmEvents.CONTACT, 12L, 11L));
        handler.handleEvent(merged(CrmEvents.COMPANY, 1L, 2L));

        handler.handleEvent(restored(CrmEvents.CONTACT, 12L, 11L));
        handler.handleEvent(restored(CrmEvents.COMPANY, 1L, 2L));

        assertEquals(List.of(13L, 12L), deals.get(ADMIN, onlyMerged.id()).contactIds());
        assertEquals(Long.valueOf(1L), deals.get(ADMIN, onlyMerged.id()).companyId());
        // the survivor was linked before the merge: it stays, the merged contact comes back
        assertEquals(List.of(11L, 13L, 12L), deals.get(ADMIN, both.id()).contactIds());
        assertEquals(List.of(11L), deals.get(ADMIN, survivors.id()).contactIds());
        assertEquals(Long.valueOf(2L), deals.get(ADMIN, survivors.id()).companyId());
        assertEquals(List.of(), handler.moveBack(true, 12L, 11L));
    }

    @Test
    public void contactMergeRepointsDealsWithoutDoubleLinks() {
        DealDto onlyMerged = deals.create(MANAGER, withLinks(withOwner(deal("Only merged"), "anna"), 1L, List.of(13L, 12L)));
        DealDto both = deals.create(MANAGER, withLinks(withOwner(deal("Both"), "anna"), null, List.of(12L, 13L, 11L)));
        DealDto other = deals.create(ANNA, withLinks(deal("Other"), null, List.of(11L)));
        DealDto archived = deals.create(ANNA, withLinks(deal("Archived"), null, List.of(12L)));
        archived = deals.archive(ANNA, archived.id());
        events.clear();

        new DealMergeHandler(emf).handleEvent(merged(CrmEvents.CONTACT, 12L, 11L));

        DealDto a = deals.get(ADMIN, onlyMerged.id());
        assertEquals(List.of(13L, 11L), a.contactIds());
        assertEquals(onlyMerged.version() + 1, a.version());
        DealDto b = deals.get(ADMIN, both.id());
        assertEquals(List.of(11L, 13L), b.contactIds());
        assertEquals(both.version() + 1, b.version());
        DealDto c = deals.get(ADMIN, other.id());
        assertEquals(List.of(11L), c.contactIds());
        assertEquals(other.version(), c.version());
        assertEquals(List.of(11L), deals.get(ADMIN, archived.id()).contactIds());
        assertEquals(List.of(onlyMerged.id(), both.id(), other.id()),
                deals.list(ADMIN, new DealQuery(null, null, null, null, null, null, 11L, null, false, null, null))
                        .items().stream().map(DealDto::id).sorted().toList());
        assertEquals(List.of(), events.topics());
        // Nothing left pointing at the merged contact: a second delivery changes nothing.
        assertEquals(List.of(), new DealMergeHandler(emf).contactMerged(12L, 11L));
    }

    @Test
    public void companyMergeRepointsTheCompanyOfEveryDeal() {
        DealDto a = deals.create(ANNA, withLinks(deal("A"), 1L, List.of()));
        DealDto b = deals.create(BEN, withLinks(deal("B"), 2L, List.of()));
        DealDto none = deals.create(ANNA, deal("None"));

        new DealMergeHandler(emf).handleEvent(merged(CrmEvents.COMPANY, 1L, 2L));

        DealDto a2 = deals.get(ADMIN, a.id());
        assertEquals(Long.valueOf(2L), a2.companyId());
        assertEquals(a.version() + 1, a2.version());
        assertEquals(b, deals.get(ADMIN, b.id()));
        assertEquals(none, deals.get(ADMIN, none.id()));
    }

    @Test
    public void eventsWithoutIdsChangeNothing() {
        DealDto a = deals.create(ANNA, withLinks(deal("A"), 1L, List.of(12L)));
        new DealMergeHandler(emf).handleEvent(merged(CrmEvents.CONTACT, 12L, null));
        new DealMergeHandler(emf).handleEvent(merged(CrmEvents.CONTACT, "12", 11L));
        assertEquals(a, deals.get(ADMIN, a.id()));
    }
}
