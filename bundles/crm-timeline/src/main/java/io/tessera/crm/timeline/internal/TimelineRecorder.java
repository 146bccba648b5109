package io.tessera.crm.timeline.internal;

import io.tessera.crm.api.CrmEvents;
import io.tessera.crm.support.events.BatchEvents;
import io.tessera.crm.support.jpa.Transactions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.persistence.EntityManagerFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one timeline entry for every CRM event, from the core or from any module ({@code tessera/crm/call/LOGGED}
 * is recorded exactly like {@code tessera/crm/deal/WON}). Left out: task reminders (not something that happened to a
 * client) and note events (the note service writes a note's entry in the note's own transaction). A failure to record
 * is logged and never reaches the sender. Immediate, so that an older database's link tables are brought up to date
 * ({@link EntryLinkKeys}) when the server starts, not on the first event of an import.
 */
@Component(service = EventHandler.class, property = EventConstants.EVENT_TOPIC + "=" + CrmEvents.ALL_TOPICS,
        immediate = true)
public class TimelineRecorder implements EventHandler {
    private static final Logger LOG = LoggerFactory.getLogger(TimelineRecorder.class);
    private static final String REMINDER_TOPIC = CrmEvents.topic(CrmEvents.TASK, CrmEvents.REMINDER);
    private static final String NOTE_TOPICS = CrmEvents.TOPIC_PREFIX + CrmEvents.NOTE + "/";

    private final Transactions tx;
    private final Clock clock;

    @Activate
    public TimelineRecorder(@Reference(target = "(osgi.unit.name=crm-timeline)") EntityManagerFactory emf) {
        this(emf, Clock.systemUTC());
        EntryLinkKeys.drop(emf);
    }

    TimelineRecorder(EntityManagerFactory emf, Clock clock) {
        this.tx = new Transactions(emf);
        this.clock = clock;
    }

    /**
     * A batch event ({@code <entity>/<ACTION>_BATCH}, see {@link CrmEvents#BATCH_SUFFIX}) gives one entry per record,
     * exactly as from the record's own event, all written in one transaction.
     */
    @Override
    public void handleEvent(Event event) {
        if (event == null) {
            return;
        }
        try {
            List<TimelineEntryEntity> entries = new ArrayList<>();
            for (Event single : BatchEvents.singles(event)) {
                TimelineEntryEntity entry = toEntry(single);
                if (entry != null) {
                    entries.add(entry);
                }
            }
            if (!entries.isEmpty()) {
                tx.write(em -> {
                    NewEntryRows.insert(em, entries);
                    return null;
                });
            }
        } catch (RuntimeException e) {
            LOG.warn("could not record event {} in the timeline", event.getTopic(), e);
        }
    }

    /** The entry for an event, or null when the event does not belong in the timeline. */
    TimelineEntryEntity toEntry(Event event) {
        String topic = event.getTopic();
        if (topic == null || !topic.startsWith(CrmEvents.TOPIC_PREFIX) || topic.equals(REMINDER_TOPIC)
                || topic.startsWith(NOTE_TOPICS)) {
            return null;
        }
        String[] segments = topic.substring(CrmEvents.TOPIC_PREFIX.length()).split("/");
        String topicEntity;
        String action;
        if (segments.length >= 2) {
            topicEntity = segments[segments.length - 2];
            action = segments[segments.length - 1];
        } else {
            topicEntity = segments[0];
            action = "";
        }
        if (topicEntity.isEmpty()) {
            return null;
        }
        TimelineEntryEntity entry = new TimelineEntryEntity();
        Long timestamp = event.getProperty(EventConstants.TIMESTAMP) instanceof Long l ? l : null;
        entry.setAtMillis(timestamp != null ? timestamp : clock.millis());
        entry.setKind(TimelineEntries.cut(action.isEmpty() ? topicEntity : topicEntity + "/" + action,
                TimelineEntries.MAX_KIND));
        String entity = event.getProperty(CrmEvents.ENTITY) instanceof String s && !s.isBlank() ? s.strip()
                : topicEntity;
        entity = TimelineEntries.cut(entity, TimelineEntries.MAX_ENTITY);
        entry.setEntity(entity);
        Long entityId = TimelineEntries.number(event.getProperty(CrmEvents.ID));
        entry.setEntityId(entityId);
        String summary = event.getProperty(CrmEvents.SUMMARY) instanceof String s && !s.isBlank() ? s.strip()
                : defaultSummary(entity, action);
        entry.setSummary(TimelineEntries.cut(summary, TimelineEntries.MAX_SUMMARY));
        if (event.getProperty(CrmEvents.ACTOR) instanceof String actor && !actor.isBlank()) {
            entry.setActor(TimelineEntries.cut(actor.strip(), TimelineEntries.MAX_ACTOR));
        }
        Set<Long> companies = TimelineEntries.ids(event.getProperty(CrmEvents.COMPANY_IDS));
        Set<Long> contacts = TimelineEntries.ids(event.getProperty(CrmEvents.CONTACT_IDS));
        Set<Long> deals = TimelineEntries.ids(event.getProperty(CrmEvents.DEAL_IDS));
        // A company/contact/deal event belongs to that record's own history even if the sender left its id out.
        if (entityId != null && entityId > 0) {
            switch (entity) {
                case CrmEvents.COMPANY -> companies.add(entityId);
                case CrmEvents.CONTACT -> contacts.add(entityId);
                case CrmEvents.DEAL -> deals.add(entityId);
                default -> {
                }
            }
        }
        entry.getCompanyIds().addAll(companies);
        entry.getContactIds().addAll(contacts);
        entry.getDealIds().addAll(deals);
        return entry;
    }

    /** "deal stage changed" for deal/STAGE_CHANGED when the event carries no summary. */
    private static String defaultSummary(String entity, String action) {
        return action.isEmpty() ? entity : entity + " " + action.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
