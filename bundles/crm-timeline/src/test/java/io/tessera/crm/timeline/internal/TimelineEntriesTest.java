package io.tessera.crm.timeline.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.Test;

public class TimelineEntriesTest {

    @Test
    public void numbersThatAreWholeAreAcceptedOthersAreNot() {
        assertEquals(Long.valueOf(5), TimelineEntries.number(5L));
        assertEquals(Long.valueOf(5), TimelineEntries.number(5));
        assertEquals(Long.valueOf(5), TimelineEntries.number((short) 5));
        assertEquals(Long.valueOf(5), TimelineEntries.number((byte) 5));
        assertEquals(Long.valueOf(5), TimelineEntries.number(new BigInteger("5")));
        assertEquals(Long.valueOf(5), TimelineEntries.number(new BigDecimal("5.00")));
        assertEquals(Long.valueOf(5), TimelineEntries.number(5.0d));
        assertNull(TimelineEntries.number(new BigInteger("123456789012345678901234567890")));
        assertNull(TimelineEntries.number(new BigDecimal("5.5")));
        assertNull(TimelineEntries.number(5.5d));
        assertNull(TimelineEntries.number(Double.NaN));
        assertNull(TimelineEntries.number(Double.POSITIVE_INFINITY));
        assertNull(TimelineEntries.number("5"));
        assertNull(TimelineEntries.number(null));
        assertNull(TimelineEntries.number(new Object()));
    }

    @Test
    public void idsKeepOrderDropDuplicatesAndJunk() {
        assertEquals(List.of(3L, 1L, 2L), new ArrayList<>(TimelineEntries.ids(List.of(3L, 1L, 3, 2L))));
        assertEquals(List.of(), new ArrayList<>(TimelineEntries.ids(null)));
        assertEquals(List.of(), new ArrayList<>(TimelineEntries.ids("1,2")));
        assertEquals(List.of(), new ArrayList<>(TimelineEntries.ids(new long[0])));
        assertEquals(List.of(7L), new ArrayList<>(TimelineEntries.ids(new short[] {7, -7, 0})));
        assertEquals(List.of(8L), new ArrayList<>(TimelineEntries.ids(Set.of(8L))));
    }

    @Test
    public void idsAreCappedPerEntry() {
        List<Long> many = LongStream.rangeClosed(1, 2500).boxed().toList();
        assertEquals(TimelineEntries.MAX_IDS, TimelineEntries.ids(many).size());
    }

    @Test
    public void cutKeepsSurrogatePairsWhole() {
        assertEquals("ab", TimelineEntries.cut("abc", 2));
        assertEquals("abc", TimelineEntries.cut("abc", 3));
        assertNull(TimelineEntries.cut(null, 3));
        String emoji = "a\uD83D\uDE00b"; // a, one emoji (two chars), b
        assertEquals("a", TimelineEntries.cut(emoji, 2));
        assertEquals("a\uD83D\uDE00", TimelineEntries.cut(emoji, 3));
    }

    @Test
    public void noteSummaryIsOneShortLine() {
        assertEquals("Note: first line second", TimelineEntries.noteSummary("  first line\n\n  second\t"));
        String summary = TimelineEntries.noteSummary("w".repeat(500));
        assertEquals("Note: " + "w".repeat(199) + "\u2026", summary);
    }
}
