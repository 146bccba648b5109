package io.tessera.crm.support.jpa;

import io.tessera.crm.api.Page;
import io.tessera.crm.api.Paging;
import io.tessera.crm.api.ValidationException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Opaque list cursors: the offset of the next page ({@link #offset}, {@link #page}), or the key of the last item given
 * ({@link #after}, {@link #pageAfter}) where the list is in the order of a unique indexed key, so that a deep page
 * reads only its own rows. Clients treat them as opaque.
 */
public final class Cursors {
    private static final String PREFIX = "o:";
    private static final String AFTER = "k:";

    private Cursors() {
    }

    public static int offset(Paging paging) {
        String cursor = paging.cursor();
        if (cursor == null) {
            return 0;
        }
        long offset = decode(cursor, PREFIX);
        if (offset < 0 || offset > Integer.MAX_VALUE) {
            throw notOurs();
        }
        return (int) offset;
    }

    /**
     * The key of the last item of the previous page ({@link #pageAfter}); {@link Long#MIN_VALUE} on the first page, so
     * that "key greater than it" selects every item.
     */
    public static long after(Paging paging) {
        return paging.cursor() == null ? Long.MIN_VALUE : decode(paging.cursor(), AFTER);
    }

    /**
     * Builds a page from a query that fetched {@code limit + 1} items in key order after the cursor's key
     * ({@link #after}); the next cursor holds the key of the page's last item.
     */
    public static <T> Page<T> pageAfter(List<T> fetchedOneMore, Paging paging, ToLongFunction<T> key) {
        if (fetchedOneMore.size() <= paging.limit()) {
            return new Page<>(fetchedOneMore, null);
        }
        List<T> items = fetchedOneMore.subList(0, paging.limit());
        return new Page<>(items, encode(AFTER + key.applyAsLong(items.get(items.size() - 1))));
    }

    private static long decode(String cursor, String prefix) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!plain.startsWith(prefix)) {
                throw notOurs();
            }
            return Long.parseLong(plain.substring(prefix.length()));
        } catch (IllegalArgumentException e) {
            throw notOurs();
        }
    }

    private static String encode(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    private static ValidationException notOurs() {
        return new ValidationException("cursor", "is not a cursor this server gave out");
    }

    /**
     * Builds a page from a query that fetched {@code limit + 1} rows starting at the cursor's offset: the extra row
     * only tells whether another page exists.
     */
    public static <T> Page<T> page(List<T> fetchedOneMore, Paging paging) {
        if (fetchedOneMore.size() <= paging.limit()) {
            return new Page<>(fetchedOneMore, null);
        }
        return new Page<>(fetchedOneMore.subList(0, paging.limit()),
                encode(PREFIX + (offset(paging) + paging.limit())));
    }
}
