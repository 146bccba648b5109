package io.tessera.crm.support.validation;

import io.tessera.crm.api.NotFoundException;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Records of another bundle that an input links to, as the checks of a write ask about them: whether one is
 * archived, or {@link NotFoundException} when it does not exist or the caller may not see it. A single write asks
 * the owning service ({@code id -> companies.isArchived(caller, id)}); a batch reads the states of all its links in
 * one call first ({@link #of}).
 */
@FunctionalInterface
public interface LinkedRecords {
    boolean isArchived(long id);

    /**
     * The states of {@code ids} read in one go with an {@code archivedStates} method (not called when there are
     * none): an id it does not answer is not found.
     */
    static LinkedRecords read(String entity, Set<Long> ids, Function<Set<Long>, Map<Long, Boolean>> archivedStates) {
        return of(entity, ids.isEmpty() ? Map.of() : archivedStates.apply(ids));
    }

    /** The states read in one go, as an {@code archivedStates} method answers them: an absent id is not found. */
    static LinkedRecords of(String entity, Map<Long, Boolean> archivedStates) {
        return id -> {
            Boolean archived = archivedStates.get(id);
            if (archived == null) {
                throw new NotFoundException(entity, id);
            }
            return archived;
        };
    }
}
