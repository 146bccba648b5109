package io.tessera.crm.timeline.internal;

import static org.junit.Assert.assertEquals;

import io.tessera.crm.api.CrmEvents;
import io.tessera.crm.api.contacts.ContactBatchService;
import io.tessera.crm.api.timeline.TimelineEntryDto;
import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;

/** A batch event of the contacts bundle becomes one entry per record, as the single events would. */
public class TimelineBatchEventTest extends TimelineTestBase {
    @Test
    public void oneCreatedEntryPerRecordOfABatchEvent() {
        Map<String, Object> props = props(CrmEvents.ENTITY, CrmEvents.CONTACT, CrmEvents.ACTOR, "admin",
                EventConstants.TIMESTAMP, T0 + 5,
                ContactBatchService.RECORDS, List.of(
                        props(CrmEvents.ENTITY, CrmEvents.CONTACT, CrmEvents.ID, 10L, CrmEvents.OWNER, "alice",
                                CrmEvents.SUMMARY, "Contact 'Ivan Petrov' created", CrmEvents.COMPANY_IDS, List.of(1L),
                                CrmEvents.CONTACT_IDS, List.of(10L), CrmEvents.DEAL_IDS, List.of()),
                        props(CrmEvents.ENTITY, CrmEvents.CONTACT, CrmEvents.ID, 11L, CrmEvents.OWNER, "alice",
                                CrmEvents.SUMMARY, "Contact 'Anna' created", CrmEvents.COMPANY_IDS, List.of(),
                                CrmEvents.CONTACT_IDS, List.of(11L), CrmEvents.DEAL_IDS, List.of())));
        recorder.handleEvent(new Event("tessera/crm/contact/CREATED_BATCH", props));

        assertEquals(2, entries());
        List<TimelineEntryDto> ivan = contactHistory(ADMIN, 10);
        assertEquals(1, ivan.size());
        assertEquals("contact/CREATED", ivan.get(0).kind());
        assertEquals("Contact 'Ivan Petrov' created", ivan.get(0).summary());
        assertEquals("admin", ivan.get(0).actor());
        assertEquals(1, companyHistory(ADMIN, 1).size());
        assertEquals("Contact 'Anna' created", contactHistory(ADMIN, 11).get(0).summary());
    }
}
