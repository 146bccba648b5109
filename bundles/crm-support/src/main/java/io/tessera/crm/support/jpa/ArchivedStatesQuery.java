package io.tessera.crm.support.jpa;

import io.tessera.crm.api.Caller;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import javax.persistence.EntityManager;

/**
 * The {@code archivedStates} of entities with an {@code owner} and an {@code archived} attribute (companies,
 * contacts, deals).
 */
public final class ArchivedStatesQuery {
    private ArchivedStatesQuery() {
    }

    /**
     * For each of the ids the caller may see (owner or {@link Caller#seesAll}), whether the record is archived; ids
     * that do not exist or that the caller may not see are absent. One primary-key lookup per id, all in the caller's
     * entity manager: an IN list of hundreds of ids let Derby plan a scan of the whole table, which grew with every
     * import (a file of deals and tasks went from about 800 to 200 rows/s).
     */
    public static Map<Long, Boolean> read(EntityManager em, Caller caller, String entityName,
                                          Collection<Long> ids) {
        Map<Long, Boolean> states = new HashMap<>();
        var query = em.createQuery("SELECT e.owner, e.archived FROM " + entityName + " e WHERE e.id = :id",
                Object[].class);
        for (Long id : new LinkedHashSet<>(ids)) {
            if (id == null) {
                continue;
            }
            List<Object[]> rows = query.setParameter("id", id).getResultList();
            if (!rows.isEmpty() && caller.mayAccess((String) rows.get(0)[0])) {
                states.put(id, (Boolean) rows.get(0)[1]);
            }
        }
        return states;
    }
}
