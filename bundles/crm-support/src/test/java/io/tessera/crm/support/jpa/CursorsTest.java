package io.tessera.crm.support.jpa;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;

import io.tessera.crm.api.Page;
import io.tessera.crm.api.Paging;
import io.tessera.crm.api.ValidationException;
import java.util.List;
import org.junit.Test;

public class CursorsTest {
    @Test
    public void anOffsetCursorGoesOnWhereThePageEnded() {
        Page<String> first = Cursors.page(List.of("a", "b", "c"), new Paging(2, null));
        assertEquals(List.of("a", "b"), first.items());
        assertEquals(2, Cursors.offset(new Paging(2, first.nextCursor())));
        assertNull("no extra row fetched: the last page", Cursors.page(List.of("c"),
                new Paging(2, first.nextCursor())).nextCursor());
    }

    @Test
    public void aKeysetCursorHoldsTheLastKeyGiven() {
        assertEquals(Long.MIN_VALUE, Cursors.after(new Paging(2, null)));
        Page<Long> first = Cursors.pageAfter(List.of(10L, 11L, 15L), new Paging(2, null), Long::longValue);
        assertEquals(List.of(10L, 11L), first.items());
        assertEquals(11, Cursors.after(new Paging(2, first.nextCursor())));
        assertNull(Cursors.pageAfter(List.of(15L), new Paging(2, first.nextCursor()), Long::longValue).nextCursor());
    }

    @Test
    public void aCursorOfAnotherKindOrMadeUpIsRefusedNamingTheField() {
        String offsetCursor = Cursors.page(List.of("a", "b"), new Paging(1, null)).nextCursor();
        String keyCursor = Cursors.pageAfter(List.of(1L, 2L), new Paging(1, null), Long::longValue).nextCursor();
        for (Runnable bad : List.<Runnable>of(() -> Cursors.after(new Paging(1, offsetCursor)),
                () -> Cursors.offset(new Paging(1, keyCursor)), () -> Cursors.after(new Paging(1, "not base64!")),
                () -> Cursors.offset(new Paging(1, "bzotNQ")))) {
            ValidationException e = assertThrows(ValidationException.class, bad::run);
            assertEquals("cursor", e.errors().get(0).field());
        }
    }
}
