package io.tessera.crm.support.jpa;

import io.tessera.crm.api.ConflictException;
import io.tessera.crm.api.CrmException;
import java.util.function.Function;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;
import javax.persistence.OptimisticLockException;
import javax.persistence.PersistenceException;
import javax.persistence.RollbackException;

/**
 * Runs work in a RESOURCE_LOCAL transaction of one persistence unit: commit on success, rollback on any failure, so
 * a failed request never leaves a half-written record. Optimistic-lock races surface as {@link ConflictException}.
 */
public final class Transactions {
    private final EntityManagerFactory emf;

    public Transactions(EntityManagerFactory emf) {
        this.emf = emf;
    }

    public <R> R write(Function<EntityManager, R> work) {
        EntityManager em = emf.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            R result = work.apply(em);
            tx.commit();
            return result;
        } catch (CrmException e) {
            throw e;
        } catch (RollbackException | OptimisticLockException e) {
            if (isOptimisticLock(e)) {
                throw new ConflictException("the record was changed by someone else at the same time; reload it and try again");
            }
            throw e;
        } finally {
            if (tx.isActive()) {
                tx.rollback();
            }
            em.close();
        }
    }

    public <R> R read(Function<EntityManager, R> work) {
        EntityManager em = emf.createEntityManager();
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }

    private static boolean isOptimisticLock(PersistenceException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException) {
                return true;
            }
        }
        return false;
    }
}
