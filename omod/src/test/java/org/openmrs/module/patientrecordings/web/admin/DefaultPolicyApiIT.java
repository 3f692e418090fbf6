/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.web.admin.AdminApiServer.Answer;

@DisplayName("POL-1, POL-2 over HTTP: the server's default site policy and the sites that follow it")
class DefaultPolicyApiIT {

    private final AdminApiServer server = new AdminApiServer();

    DefaultPolicyApiIT() throws Exception {}

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    @DisplayName("the site list says which sites follow the default and which have their own policy")
    void sitesSayWhetherTheyFollowTheDefault() throws Exception {
        JsonObject body = server.get("admin", "/sites").json().getAsJsonObject();

        assertThat(body.getAsJsonObject("defaultPolicy").get("version").getAsInt())
                .isEqualTo(1);
        Map<String, JsonObject> sites = sites(body);
        assertThat(sites.get("riverside").get("followsDefault").getAsBoolean()).isFalse();
        assertThat(sites.get("riverside").get("version").getAsInt()).isEqualTo(1);
        assertThat(sites.get("hilltop").get("followsDefault").getAsBoolean()).isTrue();
        assertThat(sites.get("hilltop").get("name").getAsString()).isEqualTo("Hilltop Clinic");
        assertThat(sites.get("hilltop").get("version").getAsInt()).isZero();
        assertThat(sites.get("hilltop").get("defaultVersion").getAsInt()).isEqualTo(1);
    }

    @Test
    @DisplayName("the default is read, and changed with Manage Policy as a new version with history and diff")
    void theDefaultIsReadAndChangedAsVersions() throws Exception {
        Answer read = server.get("admin", "/default-policy");
        JsonObject policy = read.json().getAsJsonObject();

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"1\"");
        assertThat(policy.get("default").getAsBoolean()).isTrue();
        assertThat(policy.has("site")).isFalse();
        assertThat(policy.getAsJsonObject("telephone").get("enabled").getAsBoolean())
                .isFalse();
        assertThat(policy.getAsJsonArray("secondaryPurposes")).isEmpty();

        policy.addProperty("missingNote", "BLOCK");
        Answer changed = server.send("admin", "PUT", "/default-policy", policy.toString(), "If-Match", "\"1\"");

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("ETag")).isEqualTo("\"2\"");
        assertThat(server.get("admin", "/default-policy/versions")
                        .json()
                        .getAsJsonObject()
                        .getAsJsonArray("versions"))
                .hasSize(2);
        assertThat(server.get("admin", "/default-policy/versions/1")
                        .json()
                        .getAsJsonObject()
                        .get("missingNote")
                        .getAsString())
                .isEqualTo("FLAG");
        JsonArray changes = server.get("admin", "/default-policy/diff?from=1&to=2")
                .json()
                .getAsJsonObject()
                .getAsJsonArray("changes");
        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).getAsJsonObject().get("path").getAsString()).isEqualTo("missingNote");
        assertThat(sites(server.get("admin", "/sites").json().getAsJsonObject())
                        .get("hilltop")
                        .get("defaultVersion")
                        .getAsInt())
                .isEqualTo(2);
        assertThat(server.get("admin", "/sites/hilltop/policy")
                        .json()
                        .getAsJsonObject()
                        .get("missingNote")
                        .getAsString())
                .isEqualTo("BLOCK");
    }

    @Test
    @DisplayName("VER-1, SAF-3: a stale change of the default answers 412, one without the privilege 403")
    void changingTheDefaultIsGuarded() throws Exception {
        String policy = server.get("admin", "/default-policy").body();
        server.send("admin", "PUT", "/default-policy", policy, "If-Match", "\"1\"");

        Answer stale = server.send("admin", "PUT", "/default-policy", policy, "If-Match", "\"1\"");
        Answer unprivileged = server.send("clinician", "PUT", "/default-policy", policy);

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.codes()).containsExactly("VER-1");
        assertThat(unprivileged.status()).isEqualTo(403);
        assertThat(unprivileged.codes()).containsExactly("SAF-3");
        assertThat(server.get("clinician", "/default-policy").status()).isEqualTo(403);
        assertThat(server.get("admin", "/default-policy").header("ETag")).isEqualTo("\"2\"");
    }

    @Test
    @DisplayName("a following site shows the default as version 0; its first own policy replaces the default at once")
    void aFollowingSiteGetsItsOwnPolicy() throws Exception {
        Answer following = server.get("admin", "/sites/hilltop/policy");
        JsonObject policy = following.json().getAsJsonObject();

        assertThat(following.header("ETag")).isEqualTo("\"0\"");
        assertThat(policy.get("site").getAsString()).isEqualTo("hilltop");
        assertThat(policy.get("followsDefault").getAsBoolean()).isTrue();
        assertThat(policy.get("version").getAsInt()).isZero();
        assertThat(policy.get("defaultVersion").getAsInt()).isEqualTo(1);
        assertThat(server.get("admin", "/sites/hilltop/policy/versions")
                        .json()
                        .getAsJsonObject()
                        .getAsJsonArray("versions"))
                .isEmpty();

        policy.addProperty("cliniciansMayRecordConsultations", false);
        Answer own = server.send("admin", "PUT", "/sites/hilltop/policy", policy.toString(), "If-Match", "\"0\"");

        assertThat(own.status()).isEqualTo(200);
        assertThat(own.header("ETag")).isEqualTo("\"1\"");
        JsonObject after = server.get("admin", "/sites/hilltop/policy").json().getAsJsonObject();
        assertThat(after.has("followsDefault")).isFalse();
        assertThat(after.get("cliniciansMayRecordConsultations").getAsBoolean()).isFalse();
        assertThat(sites(server.get("admin", "/sites").json().getAsJsonObject())
                        .get("hilltop")
                        .get("followsDefault")
                        .getAsBoolean())
                .isFalse();
        assertThat(server.get("admin", "/default-policy")
                        .json()
                        .getAsJsonObject()
                        .get("cliniciansMayRecordConsultations")
                        .getAsBoolean())
                .isTrue();
    }

    @Test
    @DisplayName("NF-1: a site the host does not know has no policy, default or own")
    void anUnknownSiteHasNone() throws Exception {
        Answer unknown = server.get("admin", "/sites/nowhere/policy");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.codes()).containsExactly("NF-1");
    }

    private static Map<String, JsonObject> sites(JsonObject body) {
        Map<String, JsonObject> sites = new HashMap<>();
        for (JsonElement s : body.getAsJsonArray("sites")) {
            sites.put(s.getAsJsonObject().get("site").getAsString(), s.getAsJsonObject());
        }
        return sites;
    }
}
