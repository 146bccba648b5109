package io.tessera.crm.deals.internal;

import java.util.ArrayList;
import java.util.List;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** Keeps every event sent, in order. */
class RecordingEventAdmin implements EventAdmin {
    final List<Event> events = new ArrayList<>();

    @Override
    public void postEvent(Event event) {
        events.add(event);
    }

    @Override
    public void sendEvent(Event event) {
        events.add(event);
    }

    List<String> topics() {
        return events.stream().map(Event::getTopic).toList();
    }

    Event only(String topic) {
        List<Event> found = events.stream().filter(e -> e.getTopic().equals(topic)).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + topic + " but got " + topics());
        }
        return found.get(0);
    }

    void clear() {
        events.clear();
    }
}
