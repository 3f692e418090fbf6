/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.openmrs.module.patientrecordings.site.PolicyAdministration.HILLSIDE;
import static org.openmrs.module.patientrecordings.site.PolicyAdministration.RIVERSIDE;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.audit.AuditAction;
import org.openmrs.module.patientrecordings.audit.AuditEntry;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.Reason;
import org.openmrs.module.patientrecordings.domain.RecordingKind;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;
import org.openmrs.module.patientrecordings.policy.NoticeMeans;
import org.openmrs.module.patientrecordings.policy.TelephoneNotice;
import org.openmrs.module.patientrecordings.retention.RetentionSchedules;
import org.openmrs.module.patientrecordings.site.ImportReport.Status;

@DisplayName("POL-2: site policies exported and imported as a file")
class PolicyFileServiceTest {

    private final PolicyAdministration here = new PolicyAdministration();

    @Test
    @DisplayName("an exported policy imported on another server is the same policy, and a re-import changes nothing")
    void exportThenImportGivesTheSamePolicy() {
        here.policies.addTelephoneNotice(RIVERSIDE, null, aLeaflet());
        JsonObject file = here.files.export(null);

        PolicyAdministration there = new PolicyAdministration();
        ImportReport first = there.files.importFile(reader(file), false);
        ImportReport again = there.files.importFile(reader(file), false);

        assertThat(there.riverside()).isEqualTo(SitePolicyService.numbered(here.riverside(), RIVERSIDE, 2));
        assertThat(first.outcomes())
                .extracting(ImportReport.Outcome::id, ImportReport.Outcome::status)
                .containsExactly(tuple("ENGLAND", Status.UNCHANGED), tuple(RIVERSIDE.value(), Status.CHANGED));
        assertThat(again.unchanged()).isTrue();
        assertThat(there.policies.versions(RIVERSIDE)).hasSize(2);
    }

    @Test
    @DisplayName("re-importing a server's own export creates no version")
    void reimportIsIdempotent() {
        JsonObject file = here.files.export(RIVERSIDE);

        ImportReport report = here.files.importFile(reader(file), false);

        assertThat(report.unchanged()).isTrue();
        assertThat(here.policies.versions(RIVERSIDE)).hasSize(1);
    }

    @Test
    @DisplayName("a file with several problems lists every one with its path and rule, and applies nothing")
    void everyProblemListedNothingApplied() {
        JsonObject file = here.files.export(null);
        JsonObject riverside = sites(file).get(0).getAsJsonObject();
        riverside.addProperty("cliniciansMayRecordConsultations", false);
        JsonObject hillside = riverside.deepCopy();
        hillside.addProperty("site", HILLSIDE.value());
        hillside.addProperty("jurisdiction", "ATLANTIS");
        hillside.getAsJsonArray("allowedKinds").add("HOLOGRAM");
        JsonObject notice = hillside.getAsJsonObject("telephone")
                .getAsJsonArray("notices")
                .get(0)
                .getAsJsonObject();
        notice.addProperty("startedOn", "1st of May");
        hillside.addProperty("noFilmingArea", "typo");
        sites(file).add(hillside);

        assertThatThrownBy(() -> here.files.importFile(reader(file), false))
                .isInstanceOfSatisfying(
                        RuleViolationException.class,
                        e -> assertThat(e.reasons())
                                .extracting(Reason::code, Reason::location)
                                .containsExactlyInAnyOrder(
                                        tuple(ErrorCode.SAF_4, "sites[1].allowedKinds[9]"),
                                        tuple(ErrorCode.SAF_4, "sites[1].telephone.notices[0].startedOn"),
                                        tuple(ErrorCode.SAF_4, "sites[1].noFilmingArea")));
        assertThat(here.policies.versions(RIVERSIDE)).hasSize(1);
        assertThat(here.policies.versions(HILLSIDE)).isEmpty();
        assertThat(here.auditTrail()).last().satisfies(refusedPolicyChange());
    }

    @Test
    @DisplayName("rule problems of a well-formed file are listed under each site's path (TEL-2, TEL-1, REC-2)")
    void ruleProblemsUnderTheirSite() {
        JsonObject file = here.files.export(null);
        JsonObject riverside = sites(file).get(0).getAsJsonObject();
        riverside.getAsJsonArray("allowedKinds").add(RecordingKind.TELEPHONE.name());
        riverside.getAsJsonObject("telephone").add("notices", new JsonArray());
        riverside.addProperty("jurisdiction", "ATLANTIS");

        assertThatThrownBy(() -> here.files.importFile(reader(file), false))
                .isInstanceOfSatisfying(
                        RuleViolationException.class,
                        e -> assertThat(e.reasons())
                                .extracting(Reason::code, Reason::location)
                                .containsExactlyInAnyOrder(
                                        tuple(ErrorCode.TEL_1, "sites[0].allowedKinds"),
                                        tuple(ErrorCode.TEL_2, "sites[0].telephone.notices"),
                                        tuple(ErrorCode.REC_2, "sites[0].jurisdiction")));
        assertThat(here.policies.versions(RIVERSIDE)).hasSize(1);
    }

    @Test
    @DisplayName("a site may name a jurisdiction whose schedule comes in the same file (REC-2)")
    void scheduleAndSiteTogether() {
        JsonObject file = here.files.export(null);
        JsonObject wales = file.getAsJsonArray("retentionSchedules")
                .get(0)
                .getAsJsonObject()
                .deepCopy();
        wales.addProperty("jurisdiction", "WALES");
        file.getAsJsonArray("retentionSchedules").add(wales);
        JsonObject hillside = sites(file).get(0).getAsJsonObject().deepCopy();
        hillside.addProperty("site", HILLSIDE.value());
        hillside.addProperty("jurisdiction", "WALES");
        sites(file).add(hillside);

        ImportReport report = here.files.importFile(reader(file), false);

        assertThat(report.outcomes())
                .extracting(ImportReport.Outcome::id, ImportReport.Outcome::status)
                .containsExactly(
                        tuple("ENGLAND", Status.UNCHANGED),
                        tuple("WALES", Status.CREATED),
                        tuple(RIVERSIDE.value(), Status.UNCHANGED),
                        tuple(HILLSIDE.value(), Status.CREATED));
        assertThat(here.policies.current(HILLSIDE).jurisdiction()).isEqualTo("WALES");
        assertThat(here.registry.jurisdictions()).contains("WALES");
    }

    @Test
    @DisplayName("a retention schedule in the file that leaves patients without an end is refused with its path")
    void badScheduleRefused() {
        JsonObject file = here.files.export(null);
        JsonObject classes = file.getAsJsonArray("retentionSchedules")
                .get(0)
                .getAsJsonObject()
                .getAsJsonObject("classes");
        classes.remove("MATERNITY");
        classes.add("GP", JsonParser.parseString("{\"rule\":\"yearsAfterDeath\",\"years\":0}"));

        assertThatThrownBy(() -> here.files.importFile(reader(file), false))
                .isInstanceOfSatisfying(
                        RuleViolationException.class,
                        e -> assertThat(e.reasons())
                                .extracting(Reason::code, Reason::location)
                                .containsExactly(tuple(ErrorCode.REC_2, "retentionSchedules[0].classes.GP")));
        assertThat(here.registry.version(RetentionSchedules.england().jurisdiction()))
                .isZero();
    }

    @Test
    @DisplayName("a dry run reports the change and applies nothing")
    void dryRunAppliesNothing() {
        JsonObject file = here.files.export(null);
        sites(file).get(0).getAsJsonObject().addProperty("missingNote", "BLOCK");

        ImportReport report = here.files.importFile(reader(file), true);

        assertThat(report.dryRun()).isTrue();
        assertThat(report.outcomes())
                .last()
                .extracting(ImportReport.Outcome::status)
                .isEqualTo(Status.CHANGED);
        assertThat(here.policies.versions(RIVERSIDE)).hasSize(1);
    }

    @Test
    @DisplayName("SAF-3: importing needs the policy privilege; the refusal is audited")
    void importNeedsThePrivilege() {
        JsonObject file = here.files.export(null);
        here.user.logIn(PolicyAdministration.CLINICIAN);

        assertThatThrownBy(() -> here.files.importFile(reader(file), false))
                .isInstanceOfSatisfying(
                        RuleViolationException.class,
                        e -> assertThat(e.decision().codes()).containsExactly(ErrorCode.SAF_3));
        assertThat(here.auditTrail()).last().satisfies(refusedPolicyChange());
    }

    @Test
    @DisplayName("a file of another format, or no JSON at all, is refused as bad input (SAF-4)")
    void otherFormatsRefused() {
        JsonObject file = here.files.export(null);
        file.addProperty("format", "someone-elses/2");

        assertThatThrownBy(() -> here.files.importFile(reader(file), false))
                .isInstanceOfSatisfying(
                        RuleViolationException.class,
                        e -> assertThat(e.reasons())
                                .extracting(Reason::location)
                                .containsExactly("format"));
        assertThatThrownBy(() -> here.files.importFile(new StringReader("{not json"), false))
                .isInstanceOfSatisfying(
                        RuleViolationException.class,
                        e -> assertThat(e.decision().codes()).containsExactly(ErrorCode.SAF_4));
    }

    static Consumer<AuditEntry> refusedPolicyChange() {
        return entry -> {
            assertThat(entry.action()).isEqualTo(AuditAction.POLICY_CHANGE);
            assertThat(entry.outcome().succeeded()).isFalse();
        };
    }

    private static JsonArray sites(JsonObject file) {
        return file.getAsJsonArray("sites");
    }

    private static StringReader reader(JsonObject file) {
        return new StringReader(file.toString());
    }

    static TelephoneNotice aLeaflet() {
        return new TelephoneNotice(
                NoticeMeans.PRACTICE_LEAFLET, "Practice leaflet, page 2", LocalDate.parse("2025-03-01"), null);
    }
}
