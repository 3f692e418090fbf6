/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.policy.CovertAuthorisation;
import org.openmrs.module.patientrecordings.policy.CovertAuthorisation.CovertJustification;
import org.openmrs.module.patientrecordings.policy.LegalAuthority;

/**
 * What every {@link RegisterRepository} must do, whatever stores it: keep every entry of every register whole, in
 * the order entries were first saved, replace an entry saved again, and delete nothing. An implementation's test
 * extends this and says how to get an empty repository.
 */
public abstract class RegisterRepositoryContract {

    private static final Instant MORNING = Instant.parse("2026-03-02T09:00:00.123456789Z");

    private final PatientId patient = PatientId.random();
    private final UserId manager = UserId.of("practice-manager");

    protected RegisterRepository registers;

    /** @return a repository that holds no entries */
    protected abstract RegisterRepository emptyRepository();

    @BeforeEach
    void startEmpty() {
        registers = emptyRepository();
    }

    @Test
    void anEntryOfEveryRegisterWithEveryFieldSetReadsBackEqual() {
        List<RegisterEntry> entries = List.of(
                new StaffObjection(id(), UserId.of("nurse-2"), "Prefers not to be filmed", manager, MORNING, MORNING),
                new PatientObjection(id(), patient, "Said no to any recording", manager, MORNING, MORNING),
                new CovertAuthorisationEntry(
                        id(),
                        new CovertAuthorisation(
                                patient,
                                "Thames Valley Police",
                                "RIPA/2026/17",
                                "Regulation of Investigatory Powers Act 2000",
                                CovertJustification.PROTECT_FROM_SERIOUS_HARM,
                                true,
                                MORNING,
                                MORNING.plusSeconds(86_400),
                                true),
                        manager,
                        MORNING,
                        MORNING.plusSeconds(3_600)),
                new LegalHold(
                        id(),
                        patient,
                        LegalAuthority.CLAIM,
                        "CLAIM-2026-004",
                        manager,
                        MORNING,
                        MORNING.plusSeconds(60),
                        UserId.of("caldicott-guardian"),
                        "The claim was withdrawn"),
                new DestructionEntry(
                        id(),
                        RecordingId.random(),
                        patient,
                        "c".repeat(64),
                        MORNING,
                        manager,
                        ErrorCode.REC_4,
                        "Retention ended 2026-03-01 under the England schedule"),
                new Disclosure(
                        id(),
                        patient,
                        List.of(RecordingId.random(), RecordingId.random()),
                        LegalAuthority.COURT_ORDER,
                        "County Court at Oxford",
                        "Order 77/2026",
                        manager,
                        MORNING));

        entries.forEach(registers::save);

        for (RegisterEntry entry : entries) {
            assertThat(found(entry)).contains(entry);
            List<RegisterEntry> listed = List.copyOf(registers.list(entry.getClass()));
            assertThat(listed).containsExactly(entry);
        }
    }

    @Test
    void anEntryOfEveryRegisterWithNothingButTheRequiredReadsBackEqual() {
        List<RegisterEntry> entries = List.of(
                new StaffObjection(id(), UserId.of("nurse-2"), null, manager, MORNING, null),
                new PatientObjection(id(), patient, null, manager, MORNING, null),
                new CovertAuthorisationEntry(
                        id(),
                        new CovertAuthorisation(null, null, null, null, null, null, null, null, false),
                        manager,
                        MORNING,
                        null),
                new LegalHold(id(), patient, LegalAuthority.COMPLAINT, "C-1", manager, MORNING, null, null, null),
                new DestructionEntry(
                        id(), RecordingId.random(), patient, null, MORNING, manager, ErrorCode.CON_5, null),
                new Disclosure(id(), patient, List.of(), null, "The patient", null, manager, MORNING));

        entries.forEach(registers::save);

        for (RegisterEntry entry : entries) {
            assertThat(found(entry)).contains(entry);
        }
    }

    @Test
    void anEntrySavedAgainIsReplacedAndKeepsItsPlace() {
        LegalHold first = registers.save(aHold());
        LegalHold second = registers.save(aHold());
        LegalHold lifted = first.lifted(MORNING.plusSeconds(600), manager, "Investigation closed");

        registers.save(lifted);

        assertThat(registers.list(LegalHold.class)).containsExactly(lifted, second);
        assertThat(registers.find(LegalHold.class, first.id())).contains(lifted);
    }

    @Test
    void eachRegisterListsOnlyItsOwnEntriesOldestFirst() {
        String sharedId = id();
        StaffObjection staff =
                registers.save(new StaffObjection(sharedId, UserId.of("nurse-2"), null, manager, MORNING, null));
        PatientObjection first = registers.save(new PatientObjection(sharedId, patient, null, manager, MORNING, null));
        PatientObjection second = registers.save(new PatientObjection(id(), patient, null, manager, MORNING, null));

        assertThat(registers.list(PatientObjection.class)).containsExactly(first, second);
        assertThat(registers.list(StaffObjection.class)).containsExactly(staff);
        assertThat(registers.list(Disclosure.class)).isEmpty();
        assertThat(registers.find(StaffObjection.class, sharedId)).contains(staff);
        assertThat(registers.find(PatientObjection.class, sharedId)).contains(first);
    }

    @Test
    void anUnknownEntryIsNotFound() {
        assertThat(registers.find(LegalHold.class, id())).isEmpty();
    }

    @Test
    void anEntryCannotBeDeletedThroughTheRepository() {
        Method[] methods = registers.getClass().getMethods();

        assertThat(Arrays.stream(methods).map(m -> m.getName().toLowerCase(Locale.ROOT)))
                .isNotEmpty()
                .noneMatch(name -> name.contains("delete") || name.contains("remove") || name.contains("purge"));
    }

    private Optional<RegisterEntry> found(RegisterEntry entry) {
        return registers.find(entry.getClass(), entry.id()).map(RegisterEntry.class::cast);
    }

    private LegalHold aHold() {
        return new LegalHold(
                id(), patient, LegalAuthority.FORMAL_INVESTIGATION, "INV-9", manager, MORNING, null, null, null);
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }
}
