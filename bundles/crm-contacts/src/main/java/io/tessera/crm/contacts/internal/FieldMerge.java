package io.tessera.crm.contacts.internal;

import io.tessera.crm.api.contacts.Address;
import io.tessera.crm.api.contacts.MergeConflict;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The field-by-field rules of one merge of two cards: the survivor keeps its values and gains those it lacks; a value
 * of the merged card that differs, or does not fit, becomes a {@link MergeConflict}, which the merge keeps as history.
 */
final class FieldMerge {
    private final List<MergeConflict> conflicts = new ArrayList<>();

    /** The survivor's value when it has one (the merged card's differing value becomes a conflict), else the merged one. */
    <T> T scalar(String field, T survivor, T merged) {
        if (survivor == null) {
            return merged;
        }
        if (merged != null && !survivor.equals(merged)) {
            conflicts.add(new MergeConflict(field, text(survivor), text(merged)));
        }
        return survivor;
    }

    /** The survivor's address when it has one, else the merged card's; a different address becomes a conflict. */
    AddressEmbeddable address(AddressEmbeddable survivor, AddressEmbeddable merged) {
        Address s = survivor == null ? null : survivor.toAddress();
        Address m = merged == null ? null : merged.toAddress();
        if (s == null) {
            return AddressEmbeddable.of(m);
        }
        if (m != null && !s.equals(m)) {
            conflicts.add(new MergeConflict("address", text(s), text(m)));
        }
        return survivor;
    }

    /** The survivor's list plus the merged card's new values; values beyond {@code max} become conflicts. */
    <T> List<T> list(String field, List<T> survivor, List<T> merged, int max) {
        List<T> out = new ArrayList<>(survivor);
        for (T v : merged) {
            if (out.contains(v)) {
                continue;
            }
            if (out.size() < max) {
                out.add(v);
            } else {
                conflicts.add(new MergeConflict(field, null, text(v)));
            }
        }
        return out;
    }

    /** Both cards' tags; taken in alphabetical order, so which ones do not fit does not depend on hashing. */
    Set<String> tags(Set<String> survivor, Set<String> merged) {
        return new HashSet<>(list("tags", new ArrayList<>(new TreeSet<>(survivor)), new ArrayList<>(new TreeSet<>(merged)),
                Normalize.MAX_TAGS));
    }

    /** Phones are the same number when their match keys are (short numbers: when they are spelt the same). */
    List<PhoneEmbeddable> phones(List<PhoneEmbeddable> survivor, List<PhoneEmbeddable> merged) {
        List<PhoneEmbeddable> out = new ArrayList<>(survivor);
        Set<String> known = new HashSet<>();
        for (PhoneEmbeddable p : survivor) {
            known.add(phoneKey(p));
        }
        for (PhoneEmbeddable p : merged) {
            if (!known.add(phoneKey(p))) {
                continue;
            }
            if (out.size() < Normalize.MAX_PHONES) {
                out.add(new PhoneEmbeddable(p.number()));
            } else {
                conflicts.add(new MergeConflict("phones", null, p.number()));
            }
        }
        return out;
    }

    private static String phoneKey(PhoneEmbeddable p) {
        String key = p.matchKey();
        return key.isEmpty() ? "=" + p.number() : key;
    }

    /** Keys the survivor lacks (or holds as null) are taken; differing values become conflicts. */
    Map<String, String> customFields(Map<String, String> survivor, Map<String, String> merged) {
        Map<String, String> out = new HashMap<>(survivor);
        for (String key : new TreeSet<>(merged.keySet())) {
            String m = merged.get(key);
            String s = out.get(key);
            if (s == null || (s.equals("n:") && !m.equals("n:"))) {
                if (s != null || out.size() < CustomFields.MAX_FIELDS) {
                    out.put(key, m);
                } else {
                    conflicts.add(new MergeConflict("customFields." + key, null, decoded(key, m)));
                }
            } else if (!s.equals(m) && !m.equals("n:")) {
                conflicts.add(new MergeConflict("customFields." + key, decoded(key, s), decoded(key, m)));
            }
        }
        return out;
    }

    List<MergeConflict> conflicts() {
        return conflicts;
    }

    /** What the merge's timeline entry adds: the fields whose values were kept as history. */
    String note() {
        if (conflicts.isEmpty()) {
            return "";
        }
        return "; kept as history: " + String.join(", ", new TreeSet<>(conflicts.stream()
                .map(MergeConflict::field).toList()));
    }

    private static String decoded(String key, String stored) {
        return text(CustomFields.decode(Map.of(key, stored)).get(key));
    }

    /** A field's value as merge history and the merge's additions show it (an address on one line). */
    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Address a) {
            List<String> parts = new ArrayList<>();
            for (String p : new String[] {a.street(), a.city(), a.region(), a.postalCode(), a.country()}) {
                if (p != null) {
                    parts.add(p);
                }
            }
            return String.join(", ", parts);
        }
        return value.toString();
    }
}
