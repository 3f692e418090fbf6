/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence.site;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.openmrs.module.patientrecordings.domain.SiteId;
import org.openmrs.module.patientrecordings.persistence.RowVersions;
import org.openmrs.module.patientrecordings.persistence.Transactions;
import org.openmrs.module.patientrecordings.policy.SitePolicy;
import org.openmrs.module.patientrecordings.site.SitePolicyRepository;

/**
 * Site policies in the database, one row per version (POL-2). Versions are only added: the unique constraint on
 * (site, version), not a look-up, decides which of two concurrent changes creates a version; the other gets VER-1.
 * "Current" and "oldest first" follow the order versions were added in, as in the in-memory store. Every call joins
 * the thread's unit of work when there is one ({@link Transactions#inCurrentTransaction}); the first read of a stored
 * version also checks, in a transaction of its own, that it is committed before keeping it ({@link #version}).
 */
public final class JpaSitePolicyRepository implements SitePolicyRepository {

    /** The entity classes this repository needs mapped. */
    public static final List<Class<?>> ENTITIES = List.of(SitePolicyRow.class);

    /** The most versions kept: far more than sites times versions anywhere, so a bound that is never reached. */
    private static final int MAX_KEPT = 10_000;

    private final Transactions database;

    /** Committed versions read before (see {@link #version}). */
    private final ConcurrentMap<SiteVersion, SitePolicy> committed = new ConcurrentHashMap<>();

    public JpaSitePolicyRepository(Transactions database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public Optional<SitePolicy> current(SiteId site) {
        Objects.requireNonNull(site, "site");
        return database.inCurrentTransaction(entityManager -> entityManager
                        .createQuery(
                                "select p from SitePolicyRow p where p.siteId = :site order by p.number desc",
                                SitePolicyRow.class)
                        .setParameter("site", site.value())
                        .setMaxResults(1)
                        .getResultStream()
                        .findFirst()
                        .map(SitePolicyMapper::read))
                .or(() -> builtIn(site, 1));
    }

    /**
     * {@inheritDoc}
     *
     * <p>A version once committed is never changed (POL-2), and every read and disclosure of a recording asks for
     * the version it was made under: so a committed version is read from the database once and then kept. A
     * version is kept only after a transaction of its own (which sees committed rows only) has found it, so that a
     * version added in the caller's transaction, which may yet roll back, is returned to that caller but never kept;
     * the built-in first version of the default, which a stored one would replace, is never kept either.
     */
    @Override
    public Optional<SitePolicy> version(SiteId site, int version) {
        Objects.requireNonNull(site, "site");
        SiteVersion key = new SiteVersion(site, version);
        SitePolicy kept = committed.get(key);
        if (kept != null) {
            return Optional.of(kept);
        }
        Optional<SitePolicy> stored = database.inCurrentTransaction(entityManager -> stored(entityManager, key));
        if (stored.isEmpty()) {
            return builtIn(site, version);
        }
        if (committed.size() < MAX_KEPT) {
            database.inTransaction(entityManager -> stored(entityManager, key))
                    .filter(stored.get()::equals)
                    .ifPresent(policy -> committed.putIfAbsent(key, policy));
        }
        return stored;
    }

    private static Optional<SitePolicy> stored(EntityManager entityManager, SiteVersion key) {
        return entityManager
                .createQuery(
                        "select p from SitePolicyRow p where p.siteId = :site and p.version = :version",
                        SitePolicyRow.class)
                .setParameter("site", key.site().value())
                .setParameter("version", key.version())
                .getResultStream()
                .findFirst()
                .map(SitePolicyMapper::read);
    }

    /** A version of a site's policy, the key of the versions kept. */
    private record SiteVersion(SiteId site, int version) {}

    @Override
    public List<SitePolicy> versions(SiteId site) {
        Objects.requireNonNull(site, "site");
        List<SitePolicy> stored = database.inCurrentTransaction(entityManager -> entityManager
                .createQuery(
                        "select p from SitePolicyRow p where p.siteId = :site order by p.number", SitePolicyRow.class)
                .setParameter("site", site.value())
                .getResultStream()
                .map(SitePolicyMapper::read)
                .toList());
        Optional<SitePolicy> first = builtIn(site, 1);
        if (first.isEmpty() || (!stored.isEmpty() && stored.get(0).version() == 1)) {
            return stored;
        }
        List<SitePolicy> all = new ArrayList<>(stored.size() + 1);
        all.add(first.get());
        all.addAll(stored);
        return List.copyOf(all);
    }

    /** The sites in the order their first version was added. */
    @Override
    public List<SiteId> sites() {
        return database.inCurrentTransaction(entityManager -> entityManager
                .createQuery(
                        "select p.siteId from SitePolicyRow p where p.siteId <> :default group by p.siteId"
                                + " order by min(p.number)",
                        String.class)
                .setParameter("default", SitePolicy.SERVER_DEFAULT.value())
                .getResultStream()
                .map(SiteId::of)
                .toList());
    }

    /** The default's built-in first version, which is never stored (a stored version 1 would take its place). */
    private static Optional<SitePolicy> builtIn(SiteId site, int version) {
        return site.equals(SitePolicy.SERVER_DEFAULT) && version == 1
                ? Optional.of(SitePolicy.serverDefault())
                : Optional.empty();
    }

    /**
     * {@inheritDoc}
     *
     * @throws org.openmrs.module.patientrecordings.persistence.ConcurrentUpdateException VER-1, a {@link
     *     org.openmrs.module.patientrecordings.domain.RuleViolationException}
     */
    @Override
    public SitePolicy add(SitePolicy policy) {
        Objects.requireNonNull(policy, "policy");
        SitePolicyRow row = SitePolicyMapper.row(policy);
        String what = "version " + policy.version() + " of the policy of site " + policy.site();
        return database.inCurrentTransaction(entityManager -> {
            long existing = entityManager
                    .createQuery(
                            "select count(p) from SitePolicyRow p where p.siteId = :site and p.version = :version",
                            Long.class)
                    .setParameter("site", row.siteId)
                    .setParameter("version", row.version)
                    .getSingleResult();
            if (existing > 0) {
                throw RowVersions.taken(what);
            }
            RowVersions.insert(entityManager, row, what);
            return SitePolicyMapper.read(row);
        });
    }
}
