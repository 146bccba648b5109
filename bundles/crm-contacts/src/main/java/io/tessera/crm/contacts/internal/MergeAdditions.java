package io.tessera.crm.contacts.internal;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;

/**
 * What a merge gave the survivor: the values it lacked (a position, a birthday, a phone, an e-mail, a tag, a custom
 * field, a company link...), kept with the merge so that restoring the merged card takes them back. The two cards are
 * then as they were before the merge, but for what someone changed since: a value no longer as the merge left it
 * (edited, or removed and added again by hand) stays; a contact keeps at least one of its names.
 */
final class MergeAdditions {
    private static final String CUSTOM = "customFields.";
    /** A custom field stored as empty (see {@link CustomFields}): a merge fills it as if it were missing. */
    private static final String NULL_FIELD = "n:";

    private MergeAdditions() {
    }

    /** A contact's values as a merge fills them, by field (take them before and after the merge). */
    static Map<String, Object> values(ContactEntity e) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("firstName", e.firstName);
        v.put("lastName", e.lastName);
        v.put("position", e.position);
        v.put("birthday", e.birthday);
        v.put("notes", e.notes);
        v.put("source", e.source);
        v.put("phones", e.phones.stream().map(PhoneEmbeddable::number).toList());
        v.put("emails", List.copyOf(e.emails));
        v.put("tags", Set.copyOf(e.tags));
        v.put("companyIds", List.copyOf(e.companyIds));
        e.customFields.forEach((k, value) -> v.put(CUSTOM + k, value));
        return v;
    }

    /** A company's values as a merge fills them, by field (its contacts are {@link CompanyMergeLinks}'). */
    static Map<String, Object> values(CompanyEntity e) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("legalName", e.legalName);
        v.put("taxId", e.taxId);
        v.put("industry", e.industry);
        v.put("website", e.website);
        v.put("address", e.address == null ? null : FieldMerge.text(e.address.toAddress()));
        v.put("phones", e.phones.stream().map(PhoneEmbeddable::number).toList());
        v.put("emails", List.copyOf(e.emails));
        v.put("tags", Set.copyOf(e.tags));
        e.customFields.forEach((k, value) -> v.put(CUSTOM + k, value));
        return v;
    }

    /** The values of {@code after} that {@code before} lacked. */
    static List<MergeAdditionEmbeddable> added(Map<String, Object> before, Map<String, Object> after) {
        List<MergeAdditionEmbeddable> added = new ArrayList<>();
        after.forEach((field, value) -> {
            Object was = before.get(field);
            if (value instanceof Collection<?> values) {
                for (Object x : values) {
                    if (!(was instanceof Collection<?> old && old.contains(x))) {
                        added.add(new MergeAdditionEmbeddable(field, String.valueOf(x), null));
                    }
                }
            } else if (value != null && (was == null || field.startsWith(CUSTOM) && NULL_FIELD.equals(was))) {
                added.add(new MergeAdditionEmbeddable(field, FieldMerge.text(value), (String) was));
            }
        });
        return added;
    }

    /**
     * The merge of {@code mergedId} into {@code survivorId} is undone: takes back from the survivor what that merge
     * (the last of the two) gave it. Returns whether the survivor changed.
     */
    static boolean takeBack(EntityManager em, String kind, long mergedId, long survivorId, Timestamp now) {
        List<MergeEntity> merges = em.createQuery("SELECT m FROM MergeEntity m WHERE m.kind = :k"
                        + " AND m.mergedId = :m AND m.survivorId = :s ORDER BY m.mergedAt DESC, m.id DESC",
                        MergeEntity.class).setParameter("k", kind).setParameter("m", mergedId)
                .setParameter("s", survivorId).setMaxResults(1).getResultList();
        if (merges.isEmpty() || merges.get(0).added.isEmpty()) {
            return false;
        }
        MergeEntity merge = merges.get(0);
        boolean changed = false;
        if (ContactServiceImpl.ENTITY.equals(kind)) {
            ContactEntity s = em.find(ContactEntity.class, survivorId);
            if (s != null && (changed = takeBack(s, merge.added))) {
                s.updatedAt = now;
            }
        } else {
            CompanyEntity s = em.find(CompanyEntity.class, survivorId);
            if (s != null && (changed = takeBack(s, merge.added))) {
                s.updatedAt = now;
            }
        }
        merge.added = new ArrayList<>();
        return changed;
    }

    private static boolean takeBack(ContactEntity s, List<MergeAdditionEmbeddable> added) {
        Map<String, Object> before = values(s);
        for (MergeAdditionEmbeddable a : added) {
            String v = a.value;
            switch (a.field) {
                case "firstName" -> ContactServiceImpl.setNames(s, s.lastName == null ? s.firstName
                        : cleared(s.firstName, v), s.lastName);
                case "lastName" -> ContactServiceImpl.setNames(s, s.firstName, s.firstName == null ? s.lastName
                        : cleared(s.lastName, v));
                case "position" -> s.position = cleared(s.position, v);
                case "birthday" -> s.birthday = s.birthday != null && v.equals(s.birthday.toString()) ? null
                        : s.birthday;
                case "notes" -> s.notes = cleared(s.notes, v);
                case "source" -> s.source = cleared(s.source, v);
                case "phones" -> s.phones = without(s.phones, p -> v.equals(p.number()));
                case "emails" -> s.emails = without(s.emails, v::equals);
                case "tags" -> s.tags = new HashSet<>(without(s.tags, v::equals));
                case "companyIds" -> s.companyIds = without(s.companyIds, id -> v.equals(id.toString()));
                default -> s.customFields = withoutField(s.customFields, a);
            }
        }
        return !before.equals(values(s));
    }

    private static boolean takeBack(CompanyEntity s, List<MergeAdditionEmbeddable> added) {
        Map<String, Object> before = values(s);
        for (MergeAdditionEmbeddable a : added) {
            String v = a.value;
            switch (a.field) {
                case "legalName" -> s.legalName = cleared(s.legalName, v);
                case "taxId" -> CompanyServiceImpl.setTaxId(s, cleared(s.taxId, v));
                case "industry" -> s.industry = cleared(s.industry, v);
                case "website" -> {
                    if (v.equals(s.website)) {
                        s.website = null;
                        s.domain = null;
                    }
                }
                case "address" -> s.address = s.address != null
                        && v.equals(FieldMerge.text(s.address.toAddress())) ? null : s.address;
                case "phones" -> s.phones = without(s.phones, p -> v.equals(p.number()));
                case "emails" -> s.emails = without(s.emails, v::equals);
                case "tags" -> s.tags = new HashSet<>(without(s.tags, v::equals));
                default -> s.customFields = withoutField(s.customFields, a);
            }
        }
        return !before.equals(values(s));
    }

    /** Null when the value is still the one the merge gave. */
    private static String cleared(String current, String added) {
        return added.equals(current) ? null : current;
    }

    private static <T> List<T> without(Collection<T> values, Predicate<T> drop) {
        return values.stream().filter(drop.negate()).collect(Collectors.toCollection(ArrayList::new));
    }

    /** The custom fields with the merge's value put back as it was (when it is still the merge's). */
    private static Map<String, String> withoutField(Map<String, String> fields, MergeAdditionEmbeddable a) {
        String key = a.field.startsWith(CUSTOM) ? a.field.substring(CUSTOM.length()) : null;
        if (key == null || !a.value.equals(fields.get(key))) {
            return fields;
        }
        Map<String, String> out = new HashMap<>(fields);
        if (a.previous == null) {
            out.remove(key);
        } else {
            out.put(key, a.previous);
        }
        return out;
    }
}
