/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.host;

import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.openmrs.module.patientrecordings.domain.SiteId;
import org.openmrs.module.patientrecordings.persistence.Database;
import org.openmrs.module.patientrecordings.port.SiteDirectory;

/**
 * The standalone server's sites (a FHIR {@code Location}): create, read and search, and the module's
 * {@link SiteDirectory} port. Refusals are SAF-4 {@link org.openmrs.module.patientrecordings.domain.RuleViolationException}s.
 * Thread-safe.
 */
public final class HostSites implements SiteDirectory {

    private final Database database;

    public HostSites(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /**
     * Adds a site.
     *
     * @param id 1 to 64 letters, digits, {@code -} or {@code .}, or null for a new random id
     * @param name 1 to 255 characters
     * @throws org.openmrs.module.patientrecordings.domain.RuleViolationException SAF-4 for bad input or a taken id
     */
    public Site create(SiteId id, String name) {
        SiteId siteId = id == null ? SiteId.random() : SiteId.of(HostInput.identifier(id.value(), "id"));
        Site site = new Site(siteId, HostInput.text(name, "name", 255));
        try {
            database.runInTransaction(em -> em.persist(SiteRow.of(site)));
        } catch (RuntimeException e) {
            if (find(siteId).isPresent()) {
                throw HostInput.invalid("A site with id " + siteId + " exists already", "id");
            }
            throw e;
        }
        return site;
    }

    @Override
    public Optional<Site> find(SiteId id) {
        Objects.requireNonNull(id, "id");
        return database.inTransaction(
                em -> Optional.ofNullable(em.find(SiteRow.class, id.value())).map(SiteRow::toSite));
    }

    @Override
    public List<Site> all() {
        return database.inTransaction(
                em -> em.createQuery("select s from SiteRow s order by s.name, s.id", SiteRow.class)
                        .getResultStream()
                        .map(SiteRow::toSite)
                        .toList());
    }

    /**
     * Sites whose name contains {@code name} (case-insensitive; null matches all), sorted by name then id.
     *
     * @param offset matches to skip, not negative
     * @param count the most to return, at least 1
     */
    public List<Site> search(String name, int offset, int count) {
        if (offset < 0 || count < 1) {
            throw new IllegalArgumentException("offset >= 0 and count >= 1 are required");
        }
        String jpql = "select s from SiteRow s" + (name == null ? "" : " where lower(s.name) like :name")
                + " order by s.name, s.id";
        return database.inTransaction(em -> {
            TypedQuery<SiteRow> query = em.createQuery(jpql, SiteRow.class);
            if (name != null) {
                query.setParameter("name", "%" + name.toLowerCase(Locale.ROOT) + "%");
            }
            return query.setFirstResult(offset)
                    .setMaxResults(count)
                    .getResultStream()
                    .map(SiteRow::toSite)
                    .toList();
        });
    }
}
