package io.tessera.crm.api;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongPredicate;

/**
 * The answer of the {@code archivedStates} methods (contacts, companies, deals): for each record the caller may see,
 * whether it is archived; a record that does not exist or that the caller may not see is absent.
 */
public final class ArchivedStates {
    private ArchivedStates() {
    }

    /**
     * The states asked one record at a time of a single-record {@code isArchived}, which throws
     * {@link NotFoundException} for a record it does not show: what such a method does where no implementation reads
     * them together.
     */
    public static Map<Long, Boolean> oneByOne(Collection<Long> ids, LongPredicate isArchived) {
        Map<Long, Boolean> states = new HashMap<>();
        for (Long id : ids) {
            if (id != null && !states.containsKey(id)) {
                try {
                    states.put(id, isArchived.test(id));
                } catch (NotFoundException e) {
                    // absent: not found or not visible
                }
            }
        }
        return states;
    }
}
