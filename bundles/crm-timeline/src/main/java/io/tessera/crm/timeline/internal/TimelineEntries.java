package io.tessera.crm.timeline.internal;

import io.tessera.crm.api.timeline.TimelineEntryDto;
import java.lang.reflect.Array;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.persistence.EntityManager;

/** What the recorder, the timeline and the notes share: tolerant reading of event values, and the history query. */
final class TimelineEntries {
    static final int MAX_SUMMARY = 1000;
    static final int MAX_ACTOR = 200;
    static final int MAX_KIND = 200;
    static final int MAX_ENTITY = 100;
    /** At most this many ids of one kind are indexed per entry; an event naming more is cut (and the cut logged). */
    static final int MAX_IDS = 1000;

    /** Which link table a history query goes through. */
    enum Link {
        COMPANY("companyIds"), CONTACT("contactIds"), DEAL("dealIds");

        final String attribute;

        Link(String attribute) {
            this.attribute = attribute;
        }
    }

    private TimelineEntries() {
    }

    /**
     * Ids from an event property: a Collection of Numbers, a long[]/int[]/Long[]/Number[] array, or a single Number.
     * Anything else (strings, nulls, nested junk, non-integral or non-positive numbers) is skipped, never an error.
     * Duplicates are dropped, order kept.
     */
    static Set<Long> ids(Object value) {
        Set<Long> ids = new LinkedHashSet<>();
        if (value == null) {
            return ids;
        }
        if (value instanceof Collection<?> collection) {
            for (Object element : collection) {
                add(ids, element);
            }
        } else if (value.getClass().isArray()) {
            int length = Array.getLength(value);
            for (int i = 0; i < length; i++) {
                add(ids, Array.get(value, i));
            }
        } else {
            add(ids, value);
        }
        return ids;
    }

    private static void add(Set<Long> ids, Object element) {
        Long id = number(element);
        if (id != null && id > 0 && ids.size() < MAX_IDS) {
            ids.add(id);
        }
    }

    /** A whole number from a Long/Integer/Short/Byte (or an integral BigInteger/BigDecimal/Double); else null. */
    static Long number(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof java.math.BigInteger big) {
            return big.bitLength() < 64 ? big.longValue() : null;
        }
        if (value instanceof java.math.BigDecimal dec) {
            try {
                return dec.longValueExact();
            } catch (ArithmeticException e) {
                return null;
            }
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 9.0e15 ? (long) d : null;
        }
        return null;
    }

    /** The string cut to {@code max} characters (without splitting a surrogate pair); null stays null. */
    static String cut(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        int end = max;
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end);
    }

    /** One line for a note: its text with whitespace collapsed, cut to 200 characters. */
    static String noteSummary(String text) {
        String line = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        if (line.length() > 200) {
            line = cut(line, 199) + "\u2026";
        }
        return "Note: " + line;
    }

    /**
     * One page of a record's history, newest first (at desc, id desc), hidden entries (archived notes) left out. The
     * query goes through the link table's index on the record id; the ids of the page's entries are then read in
     * three more queries (not one per entry).
     */
    static List<TimelineEntryDto> history(EntityManager em, Link link, long recordId, int offset, int max) {
        List<TimelineEntryEntity> entries = em.createQuery(
                        "SELECT e FROM TimelineEntryEntity e JOIN e." + link.attribute + " r"
                                + " WHERE r = :recordId AND e.hidden = FALSE ORDER BY e.atMillis DESC, e.id DESC",
                        TimelineEntryEntity.class)
                .setParameter("recordId", recordId)
                .setFirstResult(offset)
                .setMaxResults(max)
                .getResultList();
        if (entries.isEmpty()) {
            return List.of();
        }
        List<Long> entryIds = entries.stream().map(TimelineEntryEntity::getId).toList();
        Map<Long, List<Long>> companies = linked(em, Link.COMPANY, entryIds);
        Map<Long, List<Long>> contacts = linked(em, Link.CONTACT, entryIds);
        Map<Long, List<Long>> deals = linked(em, Link.DEAL, entryIds);
        List<TimelineEntryDto> page = new ArrayList<>(entries.size());
        for (TimelineEntryEntity e : entries) {
            page.add(toDto(e, companies.getOrDefault(e.getId(), List.of()),
                    contacts.getOrDefault(e.getId(), List.of()), deals.getOrDefault(e.getId(), List.of())));
        }
        return page;
    }

    private static Map<Long, List<Long>> linked(EntityManager em, Link link, List<Long> entryIds) {
        List<Object[]> rows = em.createQuery(
                        "SELECT e.id, r FROM TimelineEntryEntity e JOIN e." + link.attribute + " r"
                                + " WHERE e.id IN :ids ORDER BY e.id, r", Object[].class)
                .setParameter("ids", entryIds)
                .getResultList();
        Map<Long, List<Long>> byEntry = new HashMap<>();
        for (Object[] row : rows) {
            byEntry.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add((Long) row[1]);
        }
        return byEntry;
    }

    static TimelineEntryDto toDto(TimelineEntryEntity e, List<Long> companyIds, List<Long> contactIds,
                                  List<Long> dealIds) {
        return new TimelineEntryDto(e.getId(), Instant.ofEpochMilli(e.getAtMillis()), e.getKind(), e.getEntity(),
                e.getEntityId(), e.getSummary(), e.getActor(), e.getText(), List.copyOf(companyIds),
                List.copyOf(contactIds), List.copyOf(dealIds));
    }
}
