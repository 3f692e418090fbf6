/* SPDX-License-Identifier: MPL-2.0 */
/**
 * Persistence infrastructure without a container: {@link org.openmrs.module.patientrecordings.persistence.Database}
 * starts a connection pool, brings the schema up to date with the one Liquibase changelog, validates the JPA
 * mappings against it and runs transactions. Also the two concurrency conventions every table follows:
 *
 * <ul>
 *   <li>conditional create is guarded by a database unique constraint, never by a check-then-insert ({@link
 *       org.openmrs.module.patientrecordings.persistence.IdempotentCreator});
 *   <li>updatable rows carry a {@code version} column ({@link
 *       org.openmrs.module.patientrecordings.persistence.VersionedEntity}, or the compare-and-set of {@link
 *       org.openmrs.module.patientrecordings.persistence.RowVersions} where the column is the domain's version); a
 *       lost race surfaces as {@link org.openmrs.module.patientrecordings.persistence.ConcurrentUpdateException},
 *       a {@code RuleViolationException} with code VER-1.
 * </ul>
 *
 * <p>A service call wrapped in {@code Database.inUnitOfWork} is one transaction: every repository joins the
 * transaction bound to the thread ({@code Database.inCurrentTransaction}). The repositories are written against
 * {@link org.openmrs.module.patientrecordings.persistence.Transactions}, that contract; inside OpenMRS, {@code
 * persistence.spring.SpringTransactions} keeps it over OpenMRS' own transaction manager and session factory.
 *
 * <p>Entity classes are listed explicitly by the feature that owns them (for example {@code JpaAuditLog.ENTITIES})
 * and handed to {@code Database.open} by the application that wires the features together; nothing is scanned.
 * {@link org.openmrs.module.patientrecordings.persistence.PersistentRepositories} lists them all and builds every
 * store of the module over one database.
 */
package org.openmrs.module.patientrecordings.persistence;
