package io.tessera.crm.contacts.internal;

import io.tessera.crm.api.CrmEvents;
import io.tessera.crm.api.contacts.ContactBatchService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** Posts the bundle's events (call only after the transaction committed). */
final class Events {
    private final EventAdmin events;

    Events(EventAdmin events) {
        this.events = events;
    }

    void send(String entity, String action, long id, String actor, String owner, String summary,
              List<Long> companyIds, List<Long> contactIds) {
        send(entity, action, id, null, actor, owner, summary, companyIds, contactIds);
    }

    /** With {@link CrmEvents#SURVIVOR_ID} when {@code survivorId} is not null (a merged record restored). */
    void send(String entity, String action, long id, Long survivorId, String actor, String owner, String summary,
              List<Long> companyIds, List<Long> contactIds) {
        Map<String, Object> props = record(entity, id, actor, owner, summary, companyIds, contactIds);
        if (survivorId != null) {
            props.put(CrmEvents.SURVIVOR_ID, survivorId);
        }
        events.sendEvent(new Event(CrmEvents.topic(entity, action), props));
    }

    /** The properties of one record's event (also one element of a batch event's records). */
    static Map<String, Object> record(String entity, long id, String actor, String owner, String summary,
                                      List<Long> companyIds, List<Long> contactIds) {
        Map<String, Object> props = new HashMap<>();
        props.put(CrmEvents.ENTITY, entity);
        props.put(CrmEvents.ID, id);
        props.put(CrmEvents.ACTOR, actor);
        props.put(CrmEvents.OWNER, owner);
        props.put(CrmEvents.SUMMARY, summary);
        props.put(CrmEvents.COMPANY_IDS, List.copyOf(companyIds));
        props.put(CrmEvents.CONTACT_IDS, List.copyOf(contactIds));
        props.put(CrmEvents.DEAL_IDS, List.<Long>of());
        return props;
    }

    /**
     * One asynchronous {@code <entity>/<action>_BATCH} event for many records (see
     * {@link io.tessera.crm.api.contacts.ContactBatchService}); nothing when there are none.
     */
    void postBatch(String entity, String action, String actor, List<Map<String, Object>> records) {
        if (records.isEmpty()) {
            return;
        }
        Map<String, Object> props = new HashMap<>();
        props.put(CrmEvents.ENTITY, entity);
        props.put(CrmEvents.ACTOR, actor);
        props.put(ContactBatchService.RECORDS, List.copyOf(records));
        events.postEvent(new Event(CrmEvents.topic(entity, action + ContactBatchService.BATCH_SUFFIX), props));
    }

    /** {@code <entity>/MERGED}: {@code mergedId} went into {@code survivorId}. */
    void sendMerged(String entity, long mergedId, long survivorId, String actor, String owner, String summary,
                    List<Long> companyIds, List<Long> contactIds) {
        Map<String, Object> props = new HashMap<>();
        props.put(CrmEvents.ENTITY, entity);
        props.put(CrmEvents.ID, mergedId);
        props.put(CrmEvents.SURVIVOR_ID, survivorId);
        props.put(CrmEvents.ACTOR, actor);
        props.put(CrmEvents.OWNER, owner);
        props.put(CrmEvents.SUMMARY, summary);
        props.put(CrmEvents.COMPANY_IDS, List.copyOf(companyIds));
        props.put(CrmEvents.CONTACT_IDS, List.copyOf(contactIds));
        props.put(CrmEvents.DEAL_IDS, List.<Long>of());
        events.sendEvent(new Event(CrmEvents.topic(entity, CrmEvents.MERGED), props));
    }
}
