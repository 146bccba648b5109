package io.tessera.crm.support.events;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import io.tessera.crm.api.CrmEvents;
import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.osgi.service.event.Event;

public class BatchEventsTest {
    private static final String CREATED = CrmEvents.topic(CrmEvents.TASK, CrmEvents.CREATED);
    private static final String COMPLETED = CrmEvents.topic(CrmEvents.TASK, CrmEvents.COMPLETED);

    private static Event task(String topic, long id) {
        return new Event(topic, Map.of(CrmEvents.ENTITY, CrmEvents.TASK, CrmEvents.ID, id, CrmEvents.ACTOR, "anna",
                CrmEvents.SUMMARY, "Task " + id));
    }

    @Test
    public void singleEventsBecomeOneBatchPerTopicAndReadBackAsThemselves() {
        List<Event> singles = List.of(task(CREATED, 1), task(COMPLETED, 1), task(CREATED, 2));

        List<Event> batches = BatchEvents.batches(singles);

        assertEquals(List.of(CREATED + "_BATCH", COMPLETED + "_BATCH"), batches.stream().map(Event::getTopic).toList());
        assertTrue(BatchEvents.isBatch(batches.get(0)));
        assertEquals(CrmEvents.TASK, batches.get(0).getProperty(CrmEvents.ENTITY));
        assertEquals("anna", batches.get(0).getProperty(CrmEvents.ACTOR));
        assertEquals(List.of(singles.get(0), singles.get(2)), BatchEvents.singles(batches.get(0)));
        assertEquals(List.of(singles.get(1)), BatchEvents.singles(batches.get(1)));
        assertEquals(List.of(), BatchEvents.batches(List.of()));
    }

    @Test
    public void anyOtherEventIsReadAsItIs() {
        Event plain = task(CREATED, 1);
        assertFalse(BatchEvents.isBatch(plain));
        assertSame(plain, BatchEvents.singles(plain).get(0));
        // a _BATCH topic without records is not a batch event
        Event odd = new Event(CREATED + "_BATCH", Map.of(CrmEvents.ID, 1L));
        assertFalse(BatchEvents.isBatch(odd));
        assertEquals(List.of(odd), BatchEvents.singles(odd));
    }
}
