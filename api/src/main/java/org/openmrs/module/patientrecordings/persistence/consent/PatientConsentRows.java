/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence.consent;

import jakarta.persistence.EntityManager;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.openmrs.module.patientrecordings.consent.RecordingConsent;

/**
 * A patient's consents read as plain values rather than as managed entities: the rules read every consent of the
 * patient on every read, search and chunk of a recording, and only read them. The rows are filled from the selected
 * columns and handed to {@link ConsentMapper#read}, as the entities would be; nothing is added to the persistence
 * context, so nothing is kept for dirty checking either. The statements run in the current transaction, and Hibernate
 * flushes what it holds for these tables before them, as for any query.
 *
 * <p>The consents and their histories come from one statement, so that both come from the same moment (see {@link
 * JpaConsentRepository#findByPatient}). The kinds, purposes, audience and people consulted follow in a statement each,
 * as the entities' collections would be loaded.
 */
final class PatientConsentRows {

    private PatientConsentRows() {}

    static List<RecordingConsent> read(EntityManager entityManager, String patient) {
        Map<Long, ConsentRow> consents = new LinkedHashMap<>();
        Map<Long, List<ConsentEventRow>> histories = new LinkedHashMap<>();
        List<Object[]> rows = entityManager
                .createQuery(
                        "select c.number, c.consentId, c.patientId, c.encounterId, c.siteId, c.contextOfUse,"
                                + " c.copiesWillBeMade, c.storageArrangements, c.retentionPeriod, c.defenceReason,"
                                + " c.toldMayRefuseOrWithdraw, c.toldRefusalDoesNotAffectCare, c.underNoPressure,"
                                + " c.givenBy, c.giverName, c.giverRelationship, c.competenceAttested, c.version,"
                                + " e.number, e.sequence, e.type, e.at, e.by, e.recordingId, e.comment, e.successorId"
                                + " from ConsentRow c left join ConsentEventRow e on e.consentNumber = c.number"
                                + " where c.patientId = :patient order by c.number, e.sequence",
                        Object[].class)
                .setParameter("patient", patient)
                .getResultList();
        for (Object[] row : rows) {
            Long number = (Long) row[0];
            ConsentRow consent = consents.computeIfAbsent(number, n -> consent(n, row));
            List<ConsentEventRow> history = histories.computeIfAbsent(number, n -> new ArrayList<>());
            if (row[18] != null) {
                history.add(event(consent.number, row));
            }
        }
        if (consents.isEmpty()) {
            return List.of();
        }
        // A consent saved since the first statement is not part of this read: its values are passed over.
        addValues(
                entityManager,
                consents,
                "select c.number, k from ConsentRow c join c.kinds k",
                "",
                patient,
                (c, v) -> c.kinds.add((String) v[1]));
        addValues(
                entityManager,
                consents,
                "select c.number, p from ConsentRow c join c.purposes p",
                "",
                patient,
                (c, v) -> c.purposes.add((String) v[1]));
        addValues(
                entityManager,
                consents,
                "select c.number, a from ConsentRow c join c.audience a",
                " order by c.number, index(a)",
                patient,
                (c, v) -> c.audience.add((String) v[1]));
        addValues(
                entityManager,
                consents,
                "select c.number, p.name, p.role from ConsentRow c join c.consulted p",
                " order by c.number, index(p)",
                patient,
                (c, v) -> c.consulted.add(new ConsultedPerson((String) v[1], (String) v[2])));
        return consents.values().stream()
                .map(c -> ConsentMapper.read(c, histories.get(c.number)))
                .toList();
    }

    /** Adds each value the statement selects (the consent's number first) to its consent, if it is one read. */
    private static void addValues(
            EntityManager entityManager,
            Map<Long, ConsentRow> consents,
            String select,
            String order,
            String patient,
            BiConsumer<ConsentRow, Object[]> add) {
        List<Object[]> values = entityManager
                .createQuery(select + " where c.patientId = :patient" + order, Object[].class)
                .setParameter("patient", patient)
                .getResultList();
        for (Object[] value : values) {
            ConsentRow consent = consents.get((Long) value[0]);
            if (consent != null) {
                add.accept(consent, value);
            }
        }
    }

    private static ConsentRow consent(Long number, Object[] row) {
        ConsentRow consent = new ConsentRow();
        consent.number = number;
        consent.consentId = (String) row[1];
        consent.patientId = (String) row[2];
        consent.encounterId = (String) row[3];
        consent.siteId = (String) row[4];
        consent.contextOfUse = (String) row[5];
        consent.copiesWillBeMade = (Boolean) row[6];
        consent.storageArrangements = (String) row[7];
        consent.retentionPeriod = (String) row[8];
        consent.defenceReason = (String) row[9];
        consent.toldMayRefuseOrWithdraw = (Boolean) row[10];
        consent.toldRefusalDoesNotAffectCare = (Boolean) row[11];
        consent.underNoPressure = (Boolean) row[12];
        consent.givenBy = (String) row[13];
        consent.giverName = (String) row[14];
        consent.giverRelationship = (String) row[15];
        consent.competenceAttested = (Boolean) row[16];
        consent.version = (Long) row[17];
        return consent;
    }

    private static ConsentEventRow event(long consent, Object[] row) {
        ConsentEventRow event = new ConsentEventRow();
        event.number = (Long) row[18];
        event.consentNumber = consent;
        event.sequence = (Integer) row[19];
        event.type = (String) row[20];
        event.at = (LocalDateTime) row[21];
        event.by = (String) row[22];
        event.recordingId = (String) row[23];
        event.comment = (String) row[24];
        event.successorId = (String) row[25];
        return event;
    }
}
