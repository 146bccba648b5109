package io.tessera.crm.deals.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.tessera.crm.api.CrmEvents;
import io.tessera.crm.api.NotFoundException;
import io.tessera.crm.api.deals.DealDto;
import io.tessera.crm.api.deals.DealQuery;
import io.tessera.crm.api.deals.PipelineDto;
import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.osgi.service.event.Event;

public class DealOwnershipParticipantTest extends DealsFixture {

    @Test
    public void reassignMovesOnlyOpenLiveDealsAndRevertGivesThemBack() {
        PipelineDto sales = sales();
        DealDto open1 = deals.create(ANNA, withLinks(deal("Open 1"), 1L, List.of(11L)));
        DealDto open2 = deals.create(ANNA, deal("Open 2"));
        DealDto won = deals.create(ANNA, withStage(deal("Won"), null, stage(sales, "Won").id()));
        DealDto lost = deals.create(ANNA, withLoss(withStage(deal("Lost"), null, stage(sales, "Lost").id()),
                "Other", null));
        DealDto archived = deals.archive(ANNA, deals.create(ANNA, deal("Archived")).id());
        DealDto bens = deals.create(BEN, deal("Ben's"));
        events.clear();

        DealOwnershipParticipant participant = new DealOwnershipParticipant(emf, events);
        Map<String, List<Long>> moved = participant.reassign("anna", "ben", "admin");
        assertEquals(Map.of("deals", List.of(open1.id(), open2.id())), moved);

        DealDto now1 = deals.get(BEN, open1.id());
        assertEquals("ben", now1.owner());
        assertEquals(open1.version() + 1, now1.version());
        assertThrows(NotFoundException.class, () -> deals.get(ANNA, open1.id()));
        assertEquals("anna", deals.get(ANNA, won.id()).owner());
        assertEquals("anna", deals.get(ANNA, lost.id()).owner());
        assertEquals("anna", deals.get(ANNA, archived.id()).owner());
        assertEquals(List.of("Won", "Lost"), deals.list(ANNA, DealQuery.all()).items().stream()
                .map(DealDto::title).sorted((a, b) -> b.compareTo(a)).toList());
        assertEquals(3, deals.list(BEN, DealQuery.all()).items().size());

        assertEquals(List.of(CrmEvents.topic(CrmEvents.DEAL, CrmEvents.REASSIGNED),
                CrmEvents.topic(CrmEvents.DEAL, CrmEvents.REASSIGNED)), events.topics());
        Event first = events.events.get(0);
        assertEquals(open1.id(), first.getProperty(CrmEvents.ID));
        assertEquals("ben", first.getProperty(CrmEvents.OWNER));
        assertEquals("admin", first.getProperty(CrmEvents.ACTOR));
        assertEquals(List.of(1L), first.getProperty(CrmEvents.COMPANY_IDS));
        assertEquals(List.of(11L), first.getProperty(CrmEvents.CONTACT_IDS));
        assertEquals(List.of(open1.id()), first.getProperty(CrmEvents.DEAL_IDS));
        assertEquals("Deal 'Open 1' reassigned from anna to ben", first.getProperty(CrmEvents.SUMMARY));

        // The version moved on: an edit made before the move is stale.
        assertThrows(io.tessera.crm.api.StaleVersionException.class,
                () -> deals.update(MANAGER, open1.id(), open1.version(), deal("Edited")));

        events.clear();
        participant.revert(moved, "anna");
        assertEquals("anna", deals.get(ANNA, open1.id()).owner());
        assertEquals("anna", deals.get(ANNA, open2.id()).owner());
        assertEquals("ben", deals.get(BEN, bens.id()).owner());
        assertEquals(2, events.events.size());
        assertEquals("anna", events.events.get(0).getProperty(CrmEvents.OWNER));

        // Nothing to move; nothing to revert.
        assertEquals(Map.of("deals", List.of()), participant.reassign("manager", "ben", "admin"));
        participant.revert(Map.of(), "anna");
        participant.revert(Map.of("companies", List.of(1L)), "anna");
        assertEquals(2, events.events.size());
    }
}
