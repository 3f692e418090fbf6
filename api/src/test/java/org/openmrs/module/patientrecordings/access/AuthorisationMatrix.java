/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.openmrs.module.patientrecordings.access.FhirMatrixCalls.Call;
import org.openmrs.module.patientrecordings.audit.AuditLog;
import org.openmrs.module.patientrecordings.audit.AuditQuery;
import org.openmrs.module.patientrecordings.audit.StoredAuditEntry;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.domain.UserId;

/**
 * SAF-3 as a matrix over a running host, the same for every host: each row of {@link AuthorisationTable} against a
 * user of each privilege set. A user the row admits is not refused (an administration call may meet 400, 404 or 422
 * for its made-up input; a FHIR call must get the status its {@link FhirMatrixCalls request} names, and leave an
 * audit entry unless it holds no patient's data), any other user gets 403 naming SAF-3 or COV-2, a FHIR refusal as an
 * OperationOutcome, and exactly one refusal in the host's audit trail. Each method answers the cells that went wrong,
 * one line each, so that a host's test reports all of them at once. It also reads what the host declares: the
 * administration API's OpenAPI document and the CapabilityStatement.
 */
public final class AuthorisationMatrix {

    /**
     * A user of the matrix, signed in with HTTP Basic.
     *
     * @param privileges the privilege set the user stands for, which decides whether a row admits them (the host may
     *     hold the user's privileges otherwise, e.g. under its own names)
     * @param id the user as the audit trail names them
     */
    public record User(String name, String password, Set<Privilege> privileges, UserId id) {

        public String credentials() {
            return name + ":" + password;
        }

        public boolean admittedBy(AuthorisationTable.Admits row) {
            return row.admit(privileges);
        }
    }

    private final FhirMatrixCalls calls;
    private final AuditLog audit;
    private final List<User> users;

    /**
     * @param calls the requests, against the host
     * @param audit the host's audit trail
     * @param users one user of each privilege set
     */
    public AuthorisationMatrix(FhirMatrixCalls calls, AuditLog audit, List<User> users) {
        this.calls = calls;
        this.audit = audit;
        this.users = List.copyOf(users);
    }

    /**
     * Calls every administration endpoint of {@code rows} as every user.
     *
     * @return the cells that went wrong
     */
    public List<String> administrationCells(Map<String, AuthorisationTable.Admits> rows) throws Exception {
        String patient = calls.host().patient();
        Map<String, String> ids = Map.of(
                "staff-objections",
                        calls.adminCreated(
                                "/admin/registers/staff-objections",
                                "{\"staff\":\"" + FhirMatrixCalls.SOMEONE_ELSE + "\"}"),
                "patient-objections",
                        calls.adminCreated("/admin/registers/patient-objections", "{\"patient\":\"" + patient + "\"}"),
                "covert-authorisations",
                        calls.adminCreated(
                                "/admin/registers/covert-authorisations", FhirMatrixCalls.covertAuthorisation(patient)),
                "legal-holds",
                        calls.adminCreated(
                                "/admin/registers/legal-holds",
                                "{\"patient\":\"" + patient + "\",\"basis\":\"CLAIM\",\"reference\":\"C-1\"}"));
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (Map.Entry<String, AuthorisationTable.Admits> row : new TreeMap<>(rows).entrySet()) {
            String method = row.getKey().substring(0, row.getKey().indexOf(' '));
            String template = row.getKey().substring(row.getKey().indexOf(' ') + 1);
            for (User user : refusedFirst(row.getValue())) {
                cells++;
                long head = auditHead();
                String body = body(template);
                Call call = new Call(
                        method,
                        "/admin" + path(template, ids),
                        "application/json",
                        body.getBytes(StandardCharsets.UTF_8),
                        Map.of(),
                        0);
                var answer = calls.send(call, user.credentials());
                String cell = row.getKey() + " as " + user.name() + ": " + answer.statusCode();
                if (user.admittedBy(row.getValue())) {
                    if (answer.statusCode() == 401 || answer.statusCode() == 403 || answer.statusCode() >= 500) {
                        wrong.add(cell + " but should be admitted: " + answer.body());
                    }
                } else {
                    checkRefusal(wrong, cell, user, head, answer.statusCode(), answer.body());
                }
            }
        }
        assertThat(cells).isEqualTo(rows.size() * users.size());
        return wrong;
    }

    /**
     * Calls every FHIR capability of {@code rows} as every user, each cell with a request made afresh.
     *
     * @param notAudited the rows whose admitted calls leave no audit entry (SAF-2: what holds no patient's data)
     * @return the cells that went wrong
     */
    public List<String> fhirCells(Map<String, AuthorisationTable.Admits> rows, Set<String> notAudited)
            throws Exception {
        Map<String, FhirMatrixCalls.Maker> makers = calls.calls();
        assertThat(makers.keySet()).containsAll(rows.keySet());
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (Map.Entry<String, AuthorisationTable.Admits> row : new TreeMap<>(rows).entrySet()) {
            for (User user : refusedFirst(row.getValue())) {
                cells++;
                Call call = makers.get(row.getKey()).make();
                long head = auditHead();
                var answer = calls.send(call, user.credentials());
                String cell = row.getKey() + " as " + user.name() + ": " + answer.statusCode();
                if (user.admittedBy(row.getValue())) {
                    if (answer.statusCode() != call.admitted()) {
                        wrong.add(cell + " but should be admitted with " + call.admitted() + ": " + answer.body());
                    }
                    if (!notAudited.contains(row.getKey()) && entriesAfter(head, user.id(), false) == 0) {
                        wrong.add(cell + " but the access is not audited (SAF-2)");
                    }
                } else {
                    checkRefusal(wrong, cell, user, head, answer.statusCode(), answer.body());
                    if (!answer.body().contains("\"resourceType\":\"OperationOutcome\"")) {
                        wrong.add(cell + " without an OperationOutcome: " + answer.body());
                    }
                }
            }
        }
        assertThat(cells).isEqualTo(rows.size() * users.size());
        return wrong;
    }

    /**
     * Calls every FHIR capability of {@code rows} signed out: only what the row admits to anyone is served, everything
     * else is answered {@code signedOut}.
     *
     * @return the calls that went wrong
     */
    public List<String> signedOutFhirCells(Map<String, AuthorisationTable.Admits> rows, int signedOut)
            throws Exception {
        Map<String, FhirMatrixCalls.Maker> makers = calls.calls();
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, AuthorisationTable.Admits> row : new TreeMap<>(rows).entrySet()) {
            Call call = makers.get(row.getKey()).make();
            var answer = calls.send(call, null);
            int expected = row.getValue().kind() == AuthorisationTable.Admits.Kind.ANYONE ? call.admitted() : signedOut;
            if (answer.statusCode() != expected) {
                wrong.add(row.getKey() + " signed out: " + answer.statusCode() + " instead of " + expected);
            }
        }
        return wrong;
    }

    /** What the CapabilityStatement declares: "Type interaction" and "Type $operation", system-wide ones bare. */
    public Set<String> declaredCapabilities() throws Exception {
        JsonObject capability = JsonParser.parseString(
                        calls.send(Call.get("/fhir/metadata?_format=json", 200), null, 200))
                .getAsJsonObject();
        Set<String> declared = new TreeSet<>();
        for (JsonElement restElement : capability.getAsJsonArray("rest")) {
            JsonObject rest = restElement.getAsJsonObject();
            addDeclared(declared, "", rest);
            if (rest.has("resource")) {
                for (JsonElement resource : rest.getAsJsonArray("resource")) {
                    JsonObject r = resource.getAsJsonObject();
                    addDeclared(declared, r.get("type").getAsString() + " ", r);
                }
            }
        }
        return declared;
    }

    /** What the OpenAPI document describes: "METHOD template". */
    public Set<String> describedAdministrationEndpoints() throws Exception {
        JsonObject document = JsonParser.parseString(calls.send(Call.get("/admin/openapi.json", 200), null, 200))
                .getAsJsonObject();
        Set<String> described = new TreeSet<>();
        for (Map.Entry<String, JsonElement> path :
                document.getAsJsonObject("paths").entrySet()) {
            for (String method : path.getValue().getAsJsonObject().keySet()) {
                if (Set.of("get", "put", "post", "delete", "patch").contains(method)) {
                    described.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            }
        }
        return described;
    }

    /** The sequence number of the audit trail's newest entry. */
    public long auditHead() {
        return audit
                .search(AuditQuery.all().ordered(AuditQuery.Order.NEWEST_FIRST).page(0, 1))
                .entries()
                .stream()
                .mapToLong(StoredAuditEntry::sequence)
                .findFirst()
                .orElse(0);
    }

    /** The user's entries appended after the given head, refusals ({@code refused}) or permitted accesses. */
    public long entriesAfter(long head, UserId user, boolean refused) {
        return audit
                .search(AuditQuery.all()
                        .byUser(user)
                        .ordered(AuditQuery.Order.NEWEST_FIRST)
                        .page(0, AuditQuery.MAX_LIMIT))
                .entries()
                .stream()
                .filter(e -> e.sequence() > head)
                .filter(e -> e.entry().outcome().succeeded() != refused)
                .count();
    }

    /** Refused users first, so that an admitted change (ending a register entry) cannot hide a refusal. */
    private List<User> refusedFirst(AuthorisationTable.Admits row) {
        return users.stream()
                .sorted(Comparator.comparing(u -> u.admittedBy(row)))
                .toList();
    }

    private void checkRefusal(List<String> wrong, String cell, User user, long head, int status, String body) {
        if (status != 403) {
            wrong.add(cell + " but should be refused with 403: " + body);
            return;
        }
        if (!body.contains("SAF-3") && !body.contains("COV-2")) {
            wrong.add(cell + " without naming SAF-3 or COV-2: " + body);
        }
        if (entriesAfter(head, user.id(), true) != 1) {
            wrong.add(cell + " but the refusal is not audited once");
        }
    }

    private static void addDeclared(Set<String> declared, String prefix, JsonObject level) {
        if (level.has("interaction")) {
            level.getAsJsonArray("interaction")
                    .forEach(i -> declared.add(
                            prefix + i.getAsJsonObject().get("code").getAsString()));
        }
        if (level.has("operation")) {
            level.getAsJsonArray("operation")
                    .forEach(o -> declared.add(
                            prefix + "$" + o.getAsJsonObject().get("name").getAsString()));
        }
    }

    private String path(String template, Map<String, String> ids) {
        String register = template.split("/").length > 2 ? template.split("/")[2] : "";
        return template.replace("{site}", calls.host().site())
                .replace("{n}", "1")
                .replace("{index}", "0")
                .replace("{code}", "RECEPTION")
                .replace("{jurisdiction}", "ENGLAND")
                .replace("{recordClass}", "CONSULTATION")
                .replace("{id}", ids.getOrDefault(register, "unknown"));
    }

    /** A body that passes the privilege check and, where the service decides (STF-1), asks for someone else. */
    private static String body(String template) {
        return switch (template) {
            case "/registers/staff-objections" -> "{\"staff\":\"" + FhirMatrixCalls.SOMEONE_ELSE + "\"}";
            default -> "{}";
        };
    }
}
