package io.tessera.crm.support.jpa;

import io.tessera.crm.api.Page;
import io.tessera.crm.api.Paging;
import io.tessera.crm.api.ValidationException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Opaque list cursors. Today a cursor encodes the offset of the next page; clients must treat it as opaque so that it
 * can become a keyset position later without breaking them.
 */
public final class Cursors {
    private static final String PREFIX = "o:";

    private Cursors() {
    }

    public static int offset(Paging paging) {
        String cursor = paging.cursor();
        if (cursor == null) {
            return 0;
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!plain.startsWith(PREFIX)) {
                throw new IllegalArgumentException(plain);
            }
            int offset = Integer.parseInt(plain.substring(PREFIX.length()));
            if (offset < 0) {
                throw new IllegalArgumentException(plain);
            }
            return offset;
        } catch (IllegalArgumentException e) {
            throw new ValidationException("cursor", "is not a cursor this server gave out");
        }
    }

    /**
     * Builds a page from a query that fetched {@code limit + 1} rows starting at the cursor's offset: the extra row
     * only tells whether another page exists.
     */
    public static <T> Page<T> page(List<T> fetchedOneMore, Paging paging) {
        if (fetchedOneMore.size() <= paging.limit()) {
            return new Page<>(fetchedOneMore, null);
        }
        String next = Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + (offset(paging) + paging.limit())).getBytes(StandardCharsets.UTF_8));
        return new Page<>(fetchedOneMore.subList(0, paging.limit()), next);
    }
}
