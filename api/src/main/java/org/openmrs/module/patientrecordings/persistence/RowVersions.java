/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence;

import jakarta.persistence.EntityExistsException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.util.Objects;
import org.hibernate.exception.ConstraintViolationException;

/**
 * The version contract of the repositories, kept by the database: a new row is inserted only when its key is free,
 * and a change is applied only to the version it was made from. Both refusals are {@link
 * ConcurrentUpdateException} (VER-1), the refusal the in-memory stores give.
 *
 * <p><b>Why a compare-and-set rather than JPA's {@code @Version}.</b> The stored {@code version} must be exactly the
 * version the domain and FHIR see ({@code 1} after the insert, one more after every save), and every save must count
 * once, also one that changes only a child table or nothing at all. {@code @Version} starts at 0, counts only
 * dirty flushes, and counts twice when forced on a dirty row. {@link #claim} instead runs {@code UPDATE ... SET
 * version = given + 1 WHERE id = ? AND version = given} before the row is written: the database lets exactly one of
 * two concurrent savers through (the second waits on the row lock and then matches nothing), and the row lock is held
 * to the end of the transaction.
 */
public final class RowVersions {

    private RowVersions() {}

    /**
     * Inserts a new row and flushes, so that a taken key fails here and not at commit.
     *
     * @param what names the resource in the error, e.g. {@code recording 42}
     * @throws ConcurrentUpdateException VER-1 when a unique constraint refuses the row (its key exists)
     */
    public static void insert(EntityManager entityManager, Object row, String what) {
        Objects.requireNonNull(row, "row");
        try {
            entityManager.persist(row);
            entityManager.flush();
        } catch (EntityExistsException e) {
            throw taken(what, e);
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                throw taken(what, e);
            }
            throw e;
        }
    }

    /** @return the refusal of a new row whose key exists, VER-1 */
    public static ConcurrentUpdateException taken(String what) {
        return taken(what, null);
    }

    private static ConcurrentUpdateException taken(String what, Throwable cause) {
        return new ConcurrentUpdateException(what + " exists already", cause);
    }

    /**
     * Claims the next version of a row: moves its {@code version} from {@code given} to {@code given + 1}, and locks
     * it until the transaction ends.
     *
     * @param entity the entity name, e.g. {@code RecordingRow}; it has the attributes {@code version} and {@code
     *     idAttribute}
     * @return {@code given + 1}
     * @throws ConcurrentUpdateException VER-1 when the row does not exist or is at another version
     */
    public static long claim(
            EntityManager entityManager, String entity, String idAttribute, Object id, long given, String what) {
        long next = given + 1;
        int claimed = entityManager
                .createQuery("update " + entity + " r set r.version = :next where r." + idAttribute
                        + " = :id and r.version = :given")
                .setParameter("next", next)
                .setParameter("id", id)
                .setParameter("given", given)
                .executeUpdate();
        if (claimed == 1) {
            return next;
        }
        Long stored = entityManager
                .createQuery("select r.version from " + entity + " r where r." + idAttribute + " = :id", Long.class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst()
                .orElse(null);
        throw new ConcurrentUpdateException(
                stored == null
                        ? what + " does not exist yet"
                        : what + " was changed by someone else (version " + stored + ", not " + given + ")",
                null);
    }

    /** @return true when the failure, or one of its causes, is a unique or primary key violation */
    public static boolean isUniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation
                    && violation.getKind() == ConstraintViolationException.ConstraintKind.UNIQUE) {
                return true;
            }
        }
        return false;
    }
}
