package io.tessera.crm.api;

/** Which page of a list to return: at most {@code limit} items after the opaque {@code cursor}. */
public record Paging(int limit, String cursor) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    public static final Paging FIRST = new Paging(DEFAULT_LIMIT, null);

    public Paging {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ValidationException("limit", "must be between 1 and " + MAX_LIMIT);
        }
    }

    /** Paging from optional request parameters, with the defaults filled in. */
    public static Paging of(Integer limit, String cursor) {
        return new Paging(limit == null ? DEFAULT_LIMIT : limit, cursor == null || cursor.isBlank() ? null : cursor);
    }
}
