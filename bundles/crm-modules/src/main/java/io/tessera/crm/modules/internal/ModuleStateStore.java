package io.tessera.crm.modules.internal;

import io.tessera.crm.api.modules.ModuleState;
import io.tessera.crm.support.jpa.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import javax.persistence.EntityManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Table {@code MOD_STATE}: the last state seen per module and since when (see {@link ModuleStateEntity}). Reads
 * that fail leave since and reason out rather than failing the request.
 */
final class ModuleStateStore {
    private static final Logger LOG = LoggerFactory.getLogger(ModuleStateStore.class);

    private final Transactions tx;
    private final Clock clock;

    ModuleStateStore(EntityManagerFactory emf, Clock clock) {
        this.tx = new Transactions(emf);
        this.clock = clock;
    }

    Map<String, ModuleStateEntity> loadAll() {
        try {
            return tx.read(em -> em.createQuery("SELECT s FROM ModuleStateEntity s", ModuleStateEntity.class)
                    .getResultList().stream().collect(Collectors.toMap(ModuleStateEntity::getId, s -> s)));
        } catch (RuntimeException e) {
            LOG.warn("Cannot read the module states (since/reason left out): {}", e.toString());
            return new HashMap<>();
        }
    }

    ModuleStateEntity load(String id) {
        try {
            return tx.read(em -> em.find(ModuleStateEntity.class, id));
        } catch (RuntimeException e) {
            LOG.warn("Cannot read the state of module {}: {}", id, e.toString());
            return null;
        }
    }

    /** Records a state change now. */
    void record(String id, ModuleState state, String reason) {
        Instant now = clock.instant();
        tx.write(em -> {
            ModuleStateEntity e = em.find(ModuleStateEntity.class, id);
            if (e == null) {
                em.persist(new ModuleStateEntity(id, state, reason, now));
            } else if (e.getState() != state || !java.util.Objects.equals(e.getReason(), reason)) {
                e.set(state, reason, e.getState() == state ? e.getSince() : now);
            }
            return null;
        });
    }

    /** A change noticed while reading (a licence installed, a feature installed by hand...): best effort. */
    Instant recordQuietly(String id, ModuleState state, String reason, Instant previousSince) {
        try {
            record(id, state, reason);
            ModuleStateEntity e = load(id);
            return e == null ? previousSince : e.getSince();
        } catch (RuntimeException e) {
            LOG.debug("Recording the state of module {} failed (another request did it?)", id, e);
            return previousSince;
        }
    }
}
