package io.tessera.crm.support.events;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import io.tessera.crm.api.CrmEvents;
import java.util.HashMap;
import java.util.Map;
import org.junit.Test;

public class MergeEventTest {
    private static Map<String, Object> ids(Object merged, Object survivor) {
        Map<String, Object> props = new HashMap<>();
        props.put(CrmEvents.ID, merged);
        if (survivor != null) {
            props.put(CrmEvents.SURVIVOR_ID, survivor);
        }
        return props;
    }

    private static java.util.function.Consumer<String> fail() {
        return w -> {
            throw new AssertionError(w);
        };
    }

    @Test
    public void mergesAndRestoresOfMergedRecords() {
        assertEquals(new MergeEvent(true, false, 12L, 11L),
                MergeEvent.of("tessera/crm/contact/MERGED", ids(12L, 11L)::get, fail()));
        assertEquals(new MergeEvent(false, true, 2L, 1L),
                MergeEvent.of("tessera/crm/company/RESTORED", ids(2L, 1L)::get, fail()));
    }

    @Test
    public void plainRestoresMalformedMergesAndOtherTopicsAreNone() {
        assertNull(MergeEvent.of("tessera/crm/contact/RESTORED", ids(12L, null)::get, fail()));
        java.util.List<String> warnings = new java.util.ArrayList<>();
        assertNull(MergeEvent.of("tessera/crm/contact/MERGED", ids(12L, null)::get, warnings::add));
        assertEquals(1, warnings.size());
        assertEquals(MergeEvent.Kind.PLAIN_RESTORE, MergeEvent.kind("tessera/crm/contact/RESTORED", ids(12L, null)::get));
        assertEquals(MergeEvent.Kind.MALFORMED, MergeEvent.kind("tessera/crm/contact/MERGED", ids(12L, 12L)::get));
        assertEquals(MergeEvent.Kind.MALFORMED, MergeEvent.kind("tessera/crm/contact/MERGED", ids("12", 11L)::get));
        assertEquals(MergeEvent.Kind.OTHER, MergeEvent.kind("tessera/crm/contact/CREATED", ids(12L, 11L)::get));
    }
}
