package io.tessera.crm.timeline.internal;

import java.util.ArrayList;
import java.util.List;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventHandler;

/** Keeps every event sent or posted, and hands each to the handlers given (as EventAdmin would). */
final class RecordingEventAdmin implements EventAdmin {
    final List<Event> events = new ArrayList<>();
    final List<EventHandler> handlers = new ArrayList<>();

    @Override
    public void postEvent(Event event) {
        deliver(event);
    }

    @Override
    public void sendEvent(Event event) {
        deliver(event);
    }

    private void deliver(Event event) {
        events.add(event);
        handlers.forEach(h -> h.handleEvent(event));
    }

    List<String> topics() {
        return events.stream().map(Event::getTopic).toList();
    }
}
