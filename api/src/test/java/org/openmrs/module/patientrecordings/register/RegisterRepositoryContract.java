/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.time.Instant;
import java.util.ArrayList;
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
import org.openmrs.module.patientrecordings.domain.SiteId;
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
                        MORNING),
                new SitePolicyBreach(
                        id(),
                        RecordingId.random(),
                        patient,
                        SiteId.of("riverside-surgery"),
                        4,
                        "RECEPTION",
                        "Reception",
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
                new Disclosure(id(), patient, List.of(), null, "The patient", null, manager, MORNING),
                new SitePolicyBreach(
                        id(),
                        RecordingId.random(),
                        patient,
                        SiteId.of("s"),
                        1,
                        "WAITING_ROOM",
                        null,
                        manager,
                        MORNING));

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
    void aSearchNarrowsByPatientActiveTimeBasisAndMakerOldestFirst() {
        PatientId other = PatientId.random();
        UserId records = UserId.of("records-officer");
        LegalHold claim = registers.save(hold(patient, LegalAuthority.CLAIM, manager, 0));
        LegalHold complaint = registers.save(hold(patient, LegalAuthority.COMPLAINT, records, 60));
        LegalHold othersHold = registers.save(hold(other, LegalAuthority.CLAIM, manager, 120));
        LegalHold earliest = registers.save(hold(patient, LegalAuthority.REGULATOR, manager, -60));
        LegalHold lifted = registers.save(complaint.lifted(MORNING.plusSeconds(600), records, "closed"));
        Instant after = MORNING.plusSeconds(3600);

        assertThat(search(LegalHold.class, filter(patient, null, null, null, null), after))
                .containsExactly(earliest, claim, lifted);
        assertThat(search(LegalHold.class, filter(patient, null, null, true, null), after))
                .containsExactly(earliest, claim);
        assertThat(search(LegalHold.class, filter(null, null, null, false, null), after))
                .containsExactly(lifted);
        assertThat(search(LegalHold.class, filter(null, null, null, true, null), MORNING.plusSeconds(300)))
                .as("in force before it was lifted")
                .containsExactly(earliest, claim, lifted, othersHold);
        assertThat(search(LegalHold.class, filter(null, null, null, null, "claim"), after))
                .containsExactly(claim, othersHold);
        assertThat(search(LegalHold.class, filter(null, null, records, null, null), after))
                .containsExactly(lifted);
        RegisterFilter window =
                new RegisterFilter(null, null, null, null, null, MORNING, MORNING.plusSeconds(120), null);
        assertThat(search(LegalHold.class, window, after)).containsExactly(claim, lifted);
    }

    @Test
    void aSearchFindsStaffObjectionsByStaffAndEntriesByTheRecordingTheyConcern() {
        RecordingId first = RecordingId.random();
        RecordingId second = RecordingId.random();
        StaffObjection nurse =
                registers.save(new StaffObjection(id(), UserId.of("nurse-1"), null, manager, MORNING, null));
        registers.save(new StaffObjection(id(), UserId.of("porter"), null, manager, MORNING, null));
        Disclosure both = registers.save(new Disclosure(
                id(), patient, List.of(first, second), LegalAuthority.COURT_ORDER, "Court", "C-1", manager, MORNING));
        Disclosure subjectAccess = registers.save(
                new Disclosure(id(), patient, List.of(second), null, "The patient", "SAR-1", manager, MORNING));
        DestructionEntry destroyed = registers.save(
                new DestructionEntry(id(), first, patient, null, MORNING, manager, ErrorCode.REC_4, "retention ended"));
        Instant at = MORNING.plusSeconds(1);

        assertThat(search(StaffObjection.class, filter(null, UserId.of("nurse-1"), null, null, null), at))
                .containsExactly(nurse);
        assertThat(search(StaffObjection.class, filter(patient, null, null, null, null), at))
                .as("staff objections concern no patient")
                .isEmpty();
        RegisterFilter aboutFirst = new RegisterFilter(null, null, null, first, null, null, null, null);
        assertThat(search(Disclosure.class, aboutFirst, at)).containsExactly(both);
        assertThat(search(DestructionEntry.class, aboutFirst, at)).containsExactly(destroyed);
        assertThat(search(Disclosure.class, filter(null, null, null, null, "subject_access"), at))
                .containsExactly(subjectAccess);
        assertThat(search(DestructionEntry.class, filter(null, null, null, null, "REC-4"), at))
                .containsExactly(destroyed);
        assertThat(search(PatientObjection.class, RegisterFilter.ALL, at)).isEmpty();
    }

    @Test
    void aSearchPagesWithTheTotalOnEveryPage() {
        List<LegalHold> holds = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            holds.add(registers.save(hold(patient, LegalAuthority.CLAIM, manager, i)));
        }
        Instant at = MORNING.plusSeconds(60);

        RegisterPage<LegalHold> middle = registers.search(LegalHold.class, RegisterFilter.ALL, at, 2, 2);
        RegisterPage<LegalHold> last = registers.search(LegalHold.class, RegisterFilter.ALL, at, 4, 2);
        RegisterPage<LegalHold> beyond = registers.search(LegalHold.class, RegisterFilter.ALL, at, 9, 2);
        RegisterPage<LegalHold> countOnly = registers.search(LegalHold.class, RegisterFilter.ALL, at, 0, 0);

        assertThat(middle.entries()).containsExactly(holds.get(2), holds.get(3));
        assertThat(middle.total()).isEqualTo(5);
        assertThat(last.entries()).containsExactly(holds.get(4));
        assertThat(last.total()).isEqualTo(5);
        assertThat(beyond.entries()).isEmpty();
        assertThat(beyond.total()).isEqualTo(5);
        assertThat(countOnly.entries()).isEmpty();
        assertThat(countOnly.total()).isEqualTo(5);
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

    private <T extends RegisterEntry> List<T> search(Class<T> type, RegisterFilter filter, Instant at) {
        RegisterPage<T> page = registers.search(type, filter, at, 0, RegisterPage.ALL);
        assertThat(page.total()).isEqualTo(page.entries().size());
        return page.entries();
    }

    private static RegisterFilter filter(
            PatientId patient, UserId staff, UserId recordedBy, Boolean active, String basis) {
        return new RegisterFilter(patient, staff, recordedBy, null, active, null, null, basis);
    }

    private LegalHold hold(PatientId whose, LegalAuthority basis, UserId by, int secondsAfterMorning) {
        return new LegalHold(
                id(),
                whose,
                basis,
                "REF-" + secondsAfterMorning,
                by,
                MORNING.plusSeconds(secondsAfterMorning),
                null,
                null,
                null);
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }
}
