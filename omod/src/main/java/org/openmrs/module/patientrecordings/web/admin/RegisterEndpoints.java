/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.admin;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.openmrs.module.patientrecordings.audit.AuditAction;
import org.openmrs.module.patientrecordings.disposal.DisposalService;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.domain.Reason;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.policy.CovertAuthorisation;
import org.openmrs.module.patientrecordings.policy.CovertAuthorisation.CovertJustification;
import org.openmrs.module.patientrecordings.policy.LegalAuthority;
import org.openmrs.module.patientrecordings.register.DestructionEntry;
import org.openmrs.module.patientrecordings.register.Disclosure;
import org.openmrs.module.patientrecordings.register.LegalHold;
import org.openmrs.module.patientrecordings.register.PatientObjection;
import org.openmrs.module.patientrecordings.register.RegisterEntry;
import org.openmrs.module.patientrecordings.register.RegisterFilter;
import org.openmrs.module.patientrecordings.register.RegisterPage;
import org.openmrs.module.patientrecordings.register.RegisterService;
import org.openmrs.module.patientrecordings.register.SitePolicyBreach;
import org.openmrs.module.patientrecordings.register.StaffObjection;
import org.openmrs.module.patientrecordings.site.JsonInput;

/**
 * The registers the rules depend on: staff objections (STF-1), patients' standing objections (CON-10), covert
 * authorisations (COV-1, COV-2), legal holds (REC-5), the destruction register (REC-4) and disclosures (REC-6). Each
 * lists with filters and creates; entries that can end are ended, never deleted; destructions and disclosures never
 * end. A listing is paged: {@code offset} (from 0) and {@code count} (default {@value #DEFAULT_COUNT}, at most {@value
 * #MAX_COUNT}); the answer carries the {@code total} and, when there are more, the {@code next} page's address. The
 * register's store filters and pages. Privileges (SAF-3), notes (CON-8) and audit are the register service's.
 */
final class RegisterEndpoints {

    /** Entries per page when a listing does not say ({@code count}). */
    static final int DEFAULT_COUNT = 50;

    /** The most entries one page holds. */
    static final int MAX_COUNT = 500;

    private final RegisterService registers;
    private final DisposalService disposal;
    private final Clock clock;

    RegisterEndpoints(RegisterService registers, DisposalService disposal, Clock clock) {
        this.registers = Objects.requireNonNull(registers, "registers");
        this.disposal = Objects.requireNonNull(disposal, "disposal");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    List<Route> routes() {
        Access stf1 = Access.decidedBy("STF-1");
        Access consent = Access.holding(Privilege.MANAGE_CONSENT, AuditAction.CONSENT_DECISION);
        Access covert = Access.covertAuthorisers();
        Access holds = Access.holding(Privilege.MANAGE_LEGAL_HOLDS, AuditAction.LEGAL_HOLD);
        Access records = Access.holding(Privilege.MANAGE_RECORDS, AuditAction.DISPOSE);
        return List.of(
                new Route(
                        "GET",
                        "/registers/staff-objections",
                        Access.holding(Privilege.MANAGE_POLICY, AuditAction.UPDATE),
                        c -> list(c, StaffObjection.class)),
                new Route("POST", "/registers/staff-objections", stf1, this::objectAsStaff),
                new Route(
                        "POST",
                        "/registers/staff-objections/{id}/end",
                        stf1,
                        c -> one(registers.endStaffObjection(c.path("id")))),
                new Route("GET", "/registers/patient-objections", consent, c -> list(c, PatientObjection.class)),
                new Route("POST", "/registers/patient-objections", consent, this::objectAsPatient),
                new Route(
                        "POST",
                        "/registers/patient-objections/{id}/lift",
                        consent,
                        c -> one(registers.liftPatientObjection(c.path("id")))),
                new Route("GET", "/registers/covert-authorisations", covert, this::covertAuthorisations),
                new Route("POST", "/registers/covert-authorisations", covert, this::authoriseCovert),
                new Route(
                        "POST",
                        "/registers/covert-authorisations/{id}/end",
                        covert,
                        c -> one(registers.endCovertAuthorisation(c.path("id")))),
                new Route("GET", "/registers/legal-holds", holds, c -> list(c, LegalHold.class)),
                new Route("POST", "/registers/legal-holds", holds, this::placeHold),
                new Route("POST", "/registers/legal-holds/{id}/lift", holds, this::liftHold),
                new Route("GET", "/registers/destructions", records, c -> list(c, DestructionEntry.class)),
                new Route("POST", "/registers/destructions", records, this::destroy),
                new Route(
                        "GET",
                        "/registers/disclosures",
                        Access.holding(Privilege.DISCLOSE_RECORDINGS, AuditAction.DISCLOSE),
                        c -> list(c, Disclosure.class)),
                new Route(
                        "GET",
                        "/registers/site-policy-breaches",
                        Access.holding(Privilege.MANAGE_POLICY, AuditAction.UPDATE),
                        c -> list(c, SitePolicyBreach.class)));
    }

    private Reply objectAsStaff(Call call) throws IOException {
        Body b = new Body(call);
        String staff = b.in.text(b.json, "staff", "", true);
        String comment = b.in.text(b.json, "comment", "", false);
        b.valid();
        return created(registers.recordStaffObjection(UserId.of(staff), comment));
    }

    private Reply objectAsPatient(Call call) throws IOException {
        Body b = new Body(call);
        String patient = b.in.text(b.json, "patient", "", true);
        String comment = b.in.text(b.json, "comment", "", false);
        b.valid();
        return created(registers.recordPatientObjection(PatientId.of(patient), comment));
    }

    private Reply covertAuthorisations(Call call) {
        int offset = offset(call);
        int count = count(call);
        return entries(call, registers.covertAuthorisations(filter(call), offset, count), offset, count);
    }

    /** COV-1: missing elements are the rules' to list (COV-1), so only malformed values are refused here. */
    private Reply authoriseCovert(Call call) throws IOException {
        Body b = new Body(call);
        String patient = b.in.text(b.json, "patient", "", true);
        String body = b.in.text(b.json, "authorisingBody", "", false);
        String reference = b.in.text(b.json, "reference", "", false);
        String legalBasis = b.in.text(b.json, "legalBasis", "", false);
        CovertJustification justification = b.json != null && b.json.has("justification")
                ? b.in.enumMember(b.json, "justification", "", CovertJustification.class)
                : null;
        Boolean noOtherMeans =
                b.json != null && b.json.has("noOtherMeans") ? b.in.bool(b.json, "noOtherMeans", "") : null;
        Instant from = b.in.instant(b.json, "validFrom", "", false);
        Instant until = b.in.instant(b.json, "validUntil", "", false);
        b.valid();
        return created(registers.recordCovertAuthorisation(new CovertAuthorisation(
                PatientId.of(patient), body, reference, legalBasis, justification, noOtherMeans, from, until, false)));
    }

    private Reply placeHold(Call call) throws IOException {
        Body b = new Body(call);
        String patient = b.in.text(b.json, "patient", "", true);
        LegalAuthority basis = b.in.enumMember(b.json, "basis", "", LegalAuthority.class);
        String reference = b.in.text(b.json, "reference", "", false);
        b.valid();
        return created(registers.placeLegalHold(PatientId.of(patient), basis, reference));
    }

    private Reply liftHold(Call call) throws IOException {
        Body b = new Body(call);
        String reason = b.in.text(b.json, "reason", "", false);
        b.valid();
        return one(registers.liftLegalHold(call.path("id"), reason));
    }

    /** REC-4: disposes of a recording whose retention ended (or that a withdrawal sealed), writing the entry. */
    private Reply destroy(Call call) throws IOException {
        Body b = new Body(call);
        String recording = b.in.text(b.json, "recording", "", true);
        b.valid();
        return created(disposal.dispose(RecordingId.of(recording)));
    }

    private <T extends RegisterEntry> Reply list(Call call, Class<T> type) {
        int offset = offset(call);
        int count = count(call);
        return entries(call, registers.page(type, filter(call), offset, count), offset, count);
    }

    private static int offset(Call call) {
        return call.queryInt("offset", 0, Integer.MAX_VALUE);
    }

    private static int count(Call call) {
        return call.queryInt("count", DEFAULT_COUNT, MAX_COUNT);
    }

    private static RegisterFilter filter(Call call) {
        String patient = call.query("patient");
        String staff = call.query("staff");
        String recordedBy = call.query("recordedBy");
        String recording = call.query("recording");
        return new RegisterFilter(
                patient == null ? null : PatientId.of(patient),
                staff == null ? null : UserId.of(staff),
                recordedBy == null ? null : UserId.of(recordedBy),
                recording == null ? null : RecordingId.of(recording),
                call.queryBoolean("active"),
                call.queryInstant("from"),
                call.queryInstant("to"),
                call.query("basis"));
    }

    /** One page of a register: its entries, the total, and the address of the next page when there is one. */
    private Reply entries(Call call, RegisterPage<? extends RegisterEntry> page, int offset, int count) {
        Instant now = clock.instant();
        JsonArray array = new JsonArray();
        page.entries().forEach(e -> array.add(RegisterJson.write(e, now)));
        JsonObject body = new JsonObject();
        body.addProperty("total", page.total());
        body.addProperty("offset", offset);
        body.addProperty("count", count);
        long next = (long) offset + page.entries().size();
        if (!page.entries().isEmpty() && next < page.total()) {
            body.addProperty("next", call.linkWith("offset", Long.toString(next)));
        }
        body.add("entries", array);
        return Reply.ok(body);
    }

    private Reply created(RegisterEntry entry) {
        return Reply.created(RegisterJson.write(entry, clock.instant()));
    }

    private Reply one(RegisterEntry entry) {
        return Reply.ok(RegisterJson.write(entry, clock.instant()));
    }

    /** A create or end body being read: its problems are refused together (SAF-4) before the service is called. */
    private static final class Body {
        private final List<Reason> problems = new ArrayList<>();
        private final JsonInput in = new JsonInput(problems);
        private final JsonObject json;

        Body(Call call) throws IOException {
            this.json = in.object(call.body(), "");
            if (json == null) {
                valid();
            }
        }

        void valid() {
            PolicyEndpoints.refuseIfAny(problems);
        }
    }
}
