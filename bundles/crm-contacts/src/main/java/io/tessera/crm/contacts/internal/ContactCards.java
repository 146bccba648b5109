package io.tessera.crm.contacts.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.contacts.ContactDto;
import io.tessera.crm.support.jpa.JdbcSelect;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import javax.persistence.EntityManager;

/**
 * Contacts read by id as DTOs, for a batch that only reads them (the import's matched cards): their rows with SQL,
 * each collection table through its owner index named with Derby's optimizer override. EclipseLink's batch fetch of
 * the collections ({@link Preloads}) sends {@code CONTACT_ID IN (500 ids)} with no way to name an index, and Derby
 * costs 500 index probes above a scan of the table until the table holds about 20,000 rows; the scan then compares
 * every row with every id. On a new base, an import whose rows added company links to existing cards spent most of
 * its time there. The columns are those of {@link ContactEntity}, mapped as {@link Mapping#contact} maps the entity.
 */
final class ContactCards {
    private static final int CHUNK = 500;
    private static final String COLUMNS = "ID, VERSION, FIRST_NAME, LAST_NAME, JOB_POSITION, BIRTHDAY, NOTES, OWNER,"
            + " SOURCE, ARCHIVED, CREATED_AT, UPDATED_AT";

    /** One row of a card's collection: its position (or key) and value. */
    private record Item(Object position, Object value) {
    }

    private ContactCards() {
    }

    /** {@link io.tessera.crm.api.contacts.ContactBatchService#getContacts}, in the order of {@code ids}. */
    static List<ContactDto> read(EntityManager em, Caller caller, List<Long> ids) {
        List<Long> distinct = new ArrayList<>(new LinkedHashSet<>(ids));
        List<ContactDto> out = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += CHUNK) {
            out.addAll(chunk(em, caller, Preloads.padded(distinct.subList(from,
                    Math.min(distinct.size(), from + CHUNK)))));
        }
        return out;
    }

    private static List<ContactDto> chunk(EntityManager em, Caller caller, List<Long> ids) {
        Map<Long, Object[]> cards = new LinkedHashMap<>();
        for (Object[] r : JdbcSelect.rows(em, "SELECT " + COLUMNS + " FROM CON_CONTACT WHERE ID IN ("
                + Preloads.markers(ids.size()) + ")", ids)) {
            if (caller.mayAccess((String) r[7])) {
                cards.put(((Number) r[0]).longValue(), r);
            }
        }
        if (cards.isEmpty()) {
            return List.of();
        }
        List<Long> visible = Preloads.padded(new ArrayList<>(cards.keySet()));
        Map<Long, List<Item>> phones = owned(em, "CON_CONTACT_PHONE", "POS, PHONE", visible);
        Map<Long, List<Item>> emails = owned(em, "CON_CONTACT_EMAIL", "POS, EMAIL", visible);
        Map<Long, List<Item>> tags = owned(em, "CON_CONTACT_TAG", "TAG, TAG", visible);
        Map<Long, List<Item>> fields = owned(em, "CON_CONTACT_FIELD", "FIELD_KEY, FIELD_VALUE", visible);
        Map<Long, List<Item>> companies = owned(em, "CON_CONTACT_COMPANY", "POS, COMPANY_ID", visible);
        List<ContactDto> out = new ArrayList<>();
        for (Long id : new LinkedHashSet<>(ids)) {
            Object[] r = cards.get(id);
            if (r == null) {
                continue;
            }
            Map<String, String> custom = new HashMap<>();
            fields.getOrDefault(id, List.of()).forEach(i -> custom.put((String) i.position(), (String) i.value()));
            Set<String> tagSet = new HashSet<>(ordered(tags.get(id), String.class::cast));
            out.add(new ContactDto(id, ((Number) r[1]).longValue(), (String) r[2], (String) r[3], (String) r[4],
                    ordered(phones.get(id), String.class::cast), ordered(emails.get(id), String.class::cast),
                    r[5] == null ? null : ((Date) r[5]).toLocalDate(), (String) r[6], Mapping.tags(tagSet),
                    CustomFields.decode(custom), (String) r[7], (String) r[8],
                    ordered(companies.get(id), v -> ((Number) v).longValue()), JdbcSelect.bool(r[9]),
                    Mapping.instant((Timestamp) r[10]), Mapping.instant((Timestamp) r[11])));
        }
        return out;
    }

    /** The rows of a table the cards own, by owner id, read through the table's owner index. */
    private static Map<Long, List<Item>> owned(EntityManager em, String table, String columns, List<Long> ids) {
        Map<Long, List<Item>> out = new HashMap<>();
        for (Object[] r : JdbcSelect.rows(em, Preloads.indexedIn("CONTACT_ID, " + columns, table, table + "_OWNER_IX",
                "CONTACT_ID", ids.size()), ids)) {
            out.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>()).add(new Item(r[1], r[2]));
        }
        return out;
    }

    /** The values in the order of their positions (a set's values are their own positions). */
    private static <T> List<T> ordered(List<Item> items, Function<Object, T> value) {
        if (items == null) {
            return List.of();
        }
        TreeMap<Comparable<Object>, T> sorted = new TreeMap<>();
        for (Item i : items) {
            @SuppressWarnings("unchecked")
            Comparable<Object> position = (Comparable<Object>) i.position();
            sorted.put(position, value.apply(i.value()));
        }
        return List.copyOf(sorted.values());
    }
}
