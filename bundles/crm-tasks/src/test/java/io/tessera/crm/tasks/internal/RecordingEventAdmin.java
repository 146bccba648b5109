package io.tessera.crm.tasks.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventHandler;

/**
 * Keeps every event sent, in order (thread-safe: the reminder thread sends too), delivers them synchronously to
 * subscribed handlers like the real EventAdmin's sendEvent, and counts down latches waiting for a topic.
 */
class RecordingEventAdmin implements EventAdmin {
    private record Subscription(String topic, EventHandler handler) {
    }

    private record Expectation(String topic, CountDownLatch latch) {
    }

    final List<Event> events = new CopyOnWriteArrayList<>();
    private final List<Subscription> handlers = new CopyOnWriteArrayList<>();
    private final List<Expectation> expectations = new CopyOnWriteArrayList<>();

    /** {@code topic} may end in {@code /*} as in {@code event.topics}. */
    void subscribe(String topic, EventHandler handler) {
        handlers.add(new Subscription(topic, handler));
    }

    /** A latch that counts down on each further event of {@code topic}. */
    CountDownLatch expect(String topic, int count) {
        CountDownLatch latch = new CountDownLatch(count);
        expectations.add(new Expectation(topic, latch));
        return latch;
    }

    @Override
    public void postEvent(Event event) {
        sendEvent(event);
    }

    @Override
    public void sendEvent(Event event) {
        events.add(event);
        for (Subscription s : handlers) {
            if (matches(s.topic(), event.getTopic())) {
                s.handler().handleEvent(event);
            }
        }
        // Last, so that a test woken by the latch sees what the handlers did.
        for (Expectation e : expectations) {
            if (e.topic().equals(event.getTopic())) {
                e.latch().countDown();
            }
        }
    }

    private static boolean matches(String pattern, String topic) {
        return pattern.endsWith("/*") ? topic.startsWith(pattern.substring(0, pattern.length() - 1))
                : pattern.equals(topic);
    }

    List<String> topics() {
        return events.stream().map(Event::getTopic).toList();
    }

    List<Event> of(String topic) {
        return events.stream().filter(e -> e.getTopic().equals(topic)).toList();
    }

    Event only(String topic) {
        List<Event> found = of(topic);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + topic + " but got " + topics());
        }
        return found.get(0);
    }

    Event last() {
        return events.get(events.size() - 1);
    }

    void clear() {
        events.clear();
    }
}
