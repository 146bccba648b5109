package io.tessera.crm.deals.internal;

import io.tessera.crm.api.CrmEvents;
import io.tessera.crm.support.events.BatchEvents;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** Deal events collected during a transaction and sent once it committed. */
final class DealEvents {
    private final List<Event> pending = new ArrayList<>();

    /** Queues one deal event; {@code fromStageId} may be null. */
    void add(String action, String actor, DealEntity d, String summary, Long fromStageId) {
        Map<String, Object> props = new HashMap<>();
        props.put(CrmEvents.ENTITY, CrmEvents.DEAL);
        props.put(CrmEvents.ID, d.getId());
        props.put(CrmEvents.ACTOR, actor);
        props.put(CrmEvents.OWNER, d.getOwner());
        props.put(CrmEvents.SUMMARY, summary);
        props.put(CrmEvents.COMPANY_IDS, d.getCompanyId() == null ? List.of() : List.of(d.getCompanyId()));
        props.put(CrmEvents.CONTACT_IDS, List.copyOf(d.getContactIds()));
        props.put(CrmEvents.DEAL_IDS, List.of(d.getId()));
        props.put(CrmEvents.PIPELINE_ID, d.getPipelineId());
        props.put(CrmEvents.STAGE_ID, d.getStageId());
        if (fromStageId != null) {
            props.put(CrmEvents.FROM_STAGE_ID, fromStageId);
        }
        pending.add(new Event(CrmEvents.topic(CrmEvents.DEAL, action), props));
    }

    void sendTo(EventAdmin events) {
        pending.forEach(events::sendEvent);
        pending.clear();
    }

    /** Posts what was queued by a bulk call as batch events, one per action ({@link BatchEvents}). */
    void postBatches(EventAdmin events) {
        BatchEvents.post(events, List.copyOf(pending));
        pending.clear();
    }
}
