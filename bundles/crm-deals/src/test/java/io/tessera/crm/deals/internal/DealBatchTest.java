package io.tessera.crm.deals.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.tessera.crm.api.CrmEvents;
import io.tessera.crm.api.FieldError;
import io.tessera.crm.api.NotFoundException;
import io.tessera.crm.api.ValidationException;
import io.tessera.crm.api.contacts.BatchResult;
import io.tessera.crm.api.deals.DealDto;
import io.tessera.crm.api.deals.DealInput;
import io.tessera.crm.api.deals.DealStatus;
import io.tessera.crm.api.deals.PipelineDto;
import io.tessera.crm.support.events.BatchEvents;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.osgi.service.event.Event;

/** {@code DealService.createAll} and {@code archiveAll}: the single calls' checks, one transaction, batch events. */
public class DealBatchTest extends DealsFixture {

    @Test
    public void theValidDealsAreWrittenAndEachOtherItemGetsTheErrorCreateWouldThrow() {
        PipelineDto sales = sales();
        List<DealInput> inputs = Arrays.asList(
                withLinks(withAmount(deal("Kitchen"), "1200.50", "EUR"), 1L, List.of(11L)),
                withLinks(withOwner(deal(" "), "ben"), 2L, null),
                null,
                withStage(deal("Won at once"), null, stage(sales, "Won").id()),
                withStage(deal("Lost without a reason"), null, stage(sales, "Lost").id()));

        List<BatchResult> results = deals.createAll(ANNA, inputs);

        assertEquals(5, results.size());
        assertTrue(results.get(0).ok());
        assertEquals(fieldsOf(() -> deals.create(ANNA, inputs.get(1))), fields(results.get(1)));
        assertEquals(List.of("title", "owner", "companyId"), fields(results.get(1)));
        assertEquals(List.of("body"), fields(results.get(2)));
        assertTrue(results.get(3).ok());
        assertEquals(List.of("lossReason"), fields(results.get(4)));

        DealDto kitchen = deals.get(ANNA, results.get(0).id());
        assertEquals(results.get(0).version(), kitchen.version());
        assertEquals("Kitchen", kitchen.title());
        assertEquals(0, kitchen.amount().compareTo(new java.math.BigDecimal("1200.50")));
        assertEquals(Long.valueOf(1), kitchen.companyId());
        assertEquals(List.of(11L), kitchen.contactIds());
        assertEquals(stage(sales, "New").id(), kitchen.stageId());
        assertEquals(1, kitchen.stageHistory().size());
        assertNull(kitchen.stageHistory().get(0).fromStageId());
        DealDto won = deals.get(ANNA, results.get(3).id());
        assertEquals(DealStatus.WON, won.status());
        assertEquals(2, deals.list(ADMIN, null).items().size());
    }

    @Test
    public void oneBatchEventPerActionCarriesWhatEachDealsOwnEventWould() {
        PipelineDto sales = sales();
        DealDto single = deals.create(ANNA, withLinks(deal("Single"), 1L, List.of(11L)));
        Map<String, Object> singleProps = propertiesOf(events.only(CrmEvents.topic(CrmEvents.DEAL, CrmEvents.CREATED)));
        events.clear();

        List<BatchResult> results = deals.createAll(ANNA, List.of(withLinks(deal("Single"), 1L, List.of(11L)),
                deal("Second"), withStage(deal("Won at once"), null, stage(sales, "Won").id())));

        assertEquals(List.of(CrmEvents.topic(CrmEvents.DEAL, CrmEvents.CREATED + CrmEvents.BATCH_SUFFIX),
                CrmEvents.topic(CrmEvents.DEAL, CrmEvents.WON + CrmEvents.BATCH_SUFFIX)), events.topics());
        Event created = events.events.get(0);
        assertEquals(CrmEvents.DEAL, created.getProperty(CrmEvents.ENTITY));
        assertEquals("anna", created.getProperty(CrmEvents.ACTOR));
        List<Event> records = BatchEvents.singles(created);
        assertEquals(3, records.size());
        Map<String, Object> first = propertiesOf(records.get(0));
        // the same properties as the single create's event, but for the id
        singleProps.put(CrmEvents.ID, results.get(0).id());
        singleProps.put(CrmEvents.DEAL_IDS, List.of(results.get(0).id()));
        assertEquals(singleProps, first);
        assertEquals(results.get(1).id(), records.get(1).getProperty(CrmEvents.ID));
        assertEquals(CrmEvents.topic(CrmEvents.DEAL, CrmEvents.CREATED), records.get(1).getTopic());
        List<Event> wins = BatchEvents.singles(events.events.get(1));
        assertEquals(1, wins.size());
        assertEquals(results.get(2).id(), wins.get(0).getProperty(CrmEvents.ID));
        assertFalse(single.id() == results.get(0).id());
    }

    @Test
    public void aBatchWithNothingToWriteAnnouncesNothing() {
        assertEquals(List.of(), deals.createAll(ANNA, List.of()));
        List<BatchResult> results = deals.createAll(ANNA, List.of(deal(""), withOwner(deal("X"), "ben")));
        assertEquals(List.of("title"), fields(results.get(0)));
        assertEquals(List.of("owner"), fields(results.get(1)));
        assertEquals(List.of(), events.topics());
        assertEquals(0, deals.list(ADMIN, null).items().size());
    }

    @Test
    public void archiveAllArchivesWhatTheCallerMayAndReportsTheRest() {
        DealDto mine = deals.create(ANNA, deal("Mine"));
        DealDto archived = deals.archive(ANNA, deals.create(ANNA, deal("Archived before")).id());
        DealDto bens = deals.create(BEN, deal("Ben's"));
        events.clear();

        List<BatchResult> results = deals.archiveAll(ANNA,
                Arrays.asList(mine.id(), archived.id(), bens.id(), 999L, null));

        assertTrue(results.get(0).ok());
        assertTrue(deals.get(ANNA, mine.id()).archived());
        assertEquals(deals.get(ANNA, mine.id()).version(), results.get(0).version());
        assertTrue(results.get(1).ok());
        assertEquals(archived.version(), results.get(1).version());
        assertTrue(results.get(2).error() instanceof NotFoundException);
        assertFalse(deals.get(BEN, bens.id()).archived());
        assertTrue(results.get(3).error() instanceof NotFoundException);
        assertEquals(List.of("id"), fields(results.get(4)));
        // one event, for the deal this call archived
        Event batch = events.only(CrmEvents.topic(CrmEvents.DEAL, CrmEvents.ARCHIVED + CrmEvents.BATCH_SUFFIX));
        assertEquals(1, events.events.size());
        assertEquals(List.of(mine.id()), BatchEvents.singles(batch).stream()
                .map(e -> e.getProperty(CrmEvents.ID)).toList());
        assertEquals("Deal 'Mine' archived", BatchEvents.singles(batch).get(0).getProperty(CrmEvents.SUMMARY));
    }

    @Test
    public void theLinksOfABatchAreCheckedAsCreateChecksThem() {
        // company 3 and contact 14 are anna's but archived, 2 and 13 are ben's, 99 does not exist
        DealInput links = withLinks(deal("Links"), 3L, List.of(11L, 14L, 13L, 99L));
        DealInput bens = withLinks(deal("Ben's company"), 2L, null);
        List<BatchResult> results = deals.createAll(ANNA, List.of(links, bens));

        assertEquals(errorsOf(() -> deals.create(ANNA, links)),
                ((ValidationException) results.get(0).error()).errors());
        assertEquals(errorsOf(() -> deals.create(ANNA, bens)),
                ((ValidationException) results.get(1).error()).errors());
        assertEquals(List.of("companyId", "contactIds[1]", "contactIds[2]", "contactIds[3]"), fields(results.get(0)));
    }

    @Test
    public void archivedStatesAnswerForTheDealsTheCallerSees() {
        DealDto mine = deals.create(ANNA, deal("Mine"));
        DealDto archived = deals.archive(ANNA, deals.create(ANNA, deal("Archived")).id());
        DealDto bens = deals.create(BEN, deal("Ben's"));
        List<Long> asked = Arrays.asList(mine.id(), archived.id(), bens.id(), 999L, null);

        assertEquals(Map.of(mine.id(), false, archived.id(), true), deals.archivedStates(ANNA, asked));
        assertEquals(Map.of(mine.id(), false, archived.id(), true, bens.id(), false),
                deals.archivedStates(MANAGER, asked));
        assertEquals(Map.of(), deals.archivedStates(BEN, List.of(mine.id())));
    }

    private static List<FieldError> errorsOf(Runnable create) {
        try {
            create.run();
        } catch (ValidationException e) {
            return e.errors();
        }
        throw new AssertionError("expected a ValidationException");
    }

    private static List<String> fields(BatchResult result) {
        assertFalse(result.ok());
        return ((ValidationException) result.error()).errors().stream().map(FieldError::field).toList();
    }

    private static Map<String, Object> propertiesOf(Event e) {
        Map<String, Object> props = new HashMap<>();
        for (String name : e.getPropertyNames()) {
            if (!"event.topics".equals(name)) {
                props.put(name, e.getProperty(name));
            }
        }
        return props;
    }
}
