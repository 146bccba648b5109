package io.tessera.crm.support.jpa;

import io.tessera.crm.api.Caller;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.persistence.EntityManager;
import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.sessions.Session;

/**
 * The {@code archivedStates} of entities with an {@code owner} and an {@code archived} attribute (companies,
 * contacts, deals).
 */
public final class ArchivedStatesQuery {
    private ArchivedStatesQuery() {
    }

    /**
     * For each of the ids the caller may see (owner or {@link Caller#seesAll}), whether the record is archived; ids
     * that do not exist or that the caller may not see are absent. One primary-key lookup per id: an IN list of
     * hundreds of ids let Derby plan a scan of the whole table, which grew with every import (a file of deals and
     * tasks went from about 800 to 200 rows/s). The lookups are one JDBC statement run per id ({@link JdbcSelect}):
     * as a JPQL query per id, EclipseLink's own work was 40% of their time, a tenth of an import of deals and tasks.
     * The table and columns are the entity's, as EclipseLink maps them.
     */
    public static Map<Long, Boolean> read(EntityManager em, Caller caller, String entityName,
                                          Collection<Long> ids) {
        ClassDescriptor entity = em.unwrap(Session.class).getDescriptorForAlias(entityName);
        String sql = "SELECT " + column(entity, "owner") + ", " + column(entity, "archived") + " FROM "
                + entity.getTableName() + " WHERE " + column(entity, "id") + " = ?";
        List<Long> distinct = new ArrayList<>(new LinkedHashSet<>(ids));
        distinct.removeIf(Objects::isNull);
        Map<Long, Boolean> states = new HashMap<>();
        JdbcSelect.each(em, sql, distinct).forEach((id, rows) -> {
            if (!rows.isEmpty() && caller.mayAccess((String) rows.get(0)[0])) {
                states.put((Long) id, JdbcSelect.bool(rows.get(0)[1]));
            }
        });
        return states;
    }

    private static String column(ClassDescriptor entity, String attribute) {
        return entity.getMappingForAttributeName(attribute).getField().getName();
    }
}
