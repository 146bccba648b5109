package io.tessera.crm.support.events;

import io.tessera.crm.api.CrmEvents;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A merge as the bundles that re-point references read it: {@code tessera/crm/contact|company/MERGED}, or the
 * {@code RESTORED} event of a merged record, which undoes that merge ({@link #undo}).
 *
 * @param contact    a contact merge (else a company merge)
 * @param undo       the merged record was restored: what was re-pointed to the survivor goes back
 * @param mergedId   {@link CrmEvents#ID}
 * @param survivorId {@link CrmEvents#SURVIVOR_ID}
 */
public record MergeEvent(boolean contact, boolean undo, long mergedId, long survivorId) {

    /** What an event is to a bundle that follows merges. */
    public enum Kind { MERGE, UNDO, PLAIN_RESTORE, MALFORMED, OTHER }

    /**
     * The merge an event is about, or null when it is not one (a plain restore, another topic, or a MERGED event
     * without usable ids, which is also reported to {@code warn}).
     */
    public static MergeEvent of(String topic, Function<String, Object> property, Consumer<String> warn) {
        Kind kind = kind(topic, property);
        if (kind == Kind.MALFORMED) {
            warn.accept("ignoring " + topic + " without " + CrmEvents.ID + " and " + CrmEvents.SURVIVOR_ID);
        }
        if (kind != Kind.MERGE && kind != Kind.UNDO) {
            return null;
        }
        return new MergeEvent(topic.contains("/" + CrmEvents.CONTACT + "/"), kind == Kind.UNDO,
                (Long) property.apply(CrmEvents.ID), (Long) property.apply(CrmEvents.SURVIVOR_ID));
    }

    public static Kind kind(String topic, Function<String, Object> property) {
        boolean merged = topic.endsWith("/" + CrmEvents.MERGED);
        boolean restored = topic.endsWith("/" + CrmEvents.RESTORED);
        if (!merged && !restored) {
            return Kind.OTHER;
        }
        Object m = property.apply(CrmEvents.ID);
        Object s = property.apply(CrmEvents.SURVIVOR_ID);
        if (!(m instanceof Long) || !(s instanceof Long) || m.equals(s)) {
            return merged ? Kind.MALFORMED : Kind.PLAIN_RESTORE;
        }
        return merged ? Kind.MERGE : Kind.UNDO;
    }
}
