package io.tessera.crm.support.events;

import io.tessera.crm.api.CrmEvents;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;

/**
 * Batch events ({@link CrmEvents#BATCH_SUFFIX}) as the bundles that send and follow them use them: a bulk write
 * announces its records with one event per action, and a handler reads it back as the single-record events it
 * stands for, so it treats both alike.
 */
public final class BatchEvents {
    private BatchEvents() {
    }

    /** Whether the event is a batch event: a {@code _BATCH} topic carrying {@link CrmEvents#RECORDS}. */
    public static boolean isBatch(Event event) {
        return event.getTopic().endsWith(CrmEvents.BATCH_SUFFIX)
                && event.getProperty(CrmEvents.RECORDS) instanceof List<?>;
    }

    /**
     * The single-record events a batch event stands for, in order: each on the single-record topic, with the batch's
     * own properties (its entity, actor and timestamp) overlaid by the record's. Records that are not maps are left
     * out. Any other event is returned as it is.
     */
    public static List<Event> singles(Event event) {
        if (!isBatch(event)) {
            return List.of(event);
        }
        String topic = event.getTopic();
        String single = topic.substring(0, topic.length() - CrmEvents.BATCH_SUFFIX.length());
        Map<String, Object> shared = new HashMap<>();
        for (String name : event.getPropertyNames()) {
            if (!CrmEvents.RECORDS.equals(name) && !EventConstants.EVENT_TOPIC.equals(name)) {
                shared.put(name, event.getProperty(name));
            }
        }
        List<?> records = (List<?>) event.getProperty(CrmEvents.RECORDS);
        List<Event> singles = new ArrayList<>(records.size());
        for (Object record : records) {
            if (record instanceof Map<?, ?> map) {
                Map<String, Object> props = new HashMap<>(shared);
                map.forEach((k, v) -> props.put(String.valueOf(k), v));
                singles.add(new Event(single, props));
            }
        }
        return singles;
    }

    /**
     * The batch events for single-record events of one bulk call: one per topic, in the order each topic first
     * occurs, carrying the first event's {@link CrmEvents#ENTITY} and {@link CrmEvents#ACTOR} and every event's
     * properties as its record.
     */
    public static List<Event> batches(List<Event> singles) {
        Map<String, List<Event>> byTopic = new LinkedHashMap<>();
        for (Event e : singles) {
            byTopic.computeIfAbsent(e.getTopic(), t -> new ArrayList<>()).add(e);
        }
        List<Event> batches = new ArrayList<>(byTopic.size());
        byTopic.forEach((topic, events) -> {
            List<Map<String, Object>> records = new ArrayList<>(events.size());
            for (Event e : events) {
                Map<String, Object> record = new HashMap<>();
                for (String name : e.getPropertyNames()) {
                    if (!EventConstants.EVENT_TOPIC.equals(name)) {
                        record.put(name, e.getProperty(name));
                    }
                }
                records.add(record);
            }
            Map<String, Object> props = new HashMap<>();
            putIfPresent(props, CrmEvents.ENTITY, events.get(0).getProperty(CrmEvents.ENTITY));
            putIfPresent(props, CrmEvents.ACTOR, events.get(0).getProperty(CrmEvents.ACTOR));
            props.put(CrmEvents.RECORDS, List.copyOf(records));
            batches.add(new Event(topic + CrmEvents.BATCH_SUFFIX, props));
        });
        return batches;
    }

    /** Posts (asynchronously) the {@link #batches} of the events; nothing when there are none. */
    public static void post(EventAdmin events, List<Event> singles) {
        batches(singles).forEach(events::postEvent);
    }

    private static void putIfPresent(Map<String, Object> props, String name, Object value) {
        if (value != null) {
            props.put(name, value);
        }
    }
}
