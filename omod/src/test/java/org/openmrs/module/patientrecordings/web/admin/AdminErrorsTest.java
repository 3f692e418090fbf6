/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.Reason;

@DisplayName("Refusals get the HTTP status the FHIR API gives the same codes")
class AdminErrorsTest {

    @Test
    @DisplayName("privilege before existence before version before rules; bad input alone is 400")
    void statusByCode() {
        assertThat(AdminErrors.status(reasons(ErrorCode.SAF_4, ErrorCode.SAF_3), false))
                .isEqualTo(403);
        assertThat(AdminErrors.status(reasons(ErrorCode.COV_2, ErrorCode.COV_1), false))
                .isEqualTo(403);
        assertThat(AdminErrors.status(reasons(ErrorCode.NF_1), false)).isEqualTo(404);
        assertThat(AdminErrors.status(reasons(ErrorCode.VER_1), true)).isEqualTo(412);
        assertThat(AdminErrors.status(reasons(ErrorCode.VER_1), false)).isEqualTo(409);
        assertThat(AdminErrors.status(reasons(ErrorCode.LIF_1), false)).isEqualTo(409);
        assertThat(AdminErrors.status(reasons(ErrorCode.SAF_4), false)).isEqualTo(400);
        assertThat(AdminErrors.status(reasons(ErrorCode.SAF_4, ErrorCode.TEL_2), false))
                .isEqualTo(422);
        assertThat(AdminErrors.status(reasons(ErrorCode.SAF_2), false)).isEqualTo(500);
    }

    @Test
    @DisplayName("every reason becomes an issue with its code, severity and path")
    void issues() {
        var body = AdminErrors.body(List.of(
                Reason.error(ErrorCode.TEL_2, "tell callers", "telephone.notices"),
                Reason.warning(ErrorCode.CON_11, "discouraged")));

        var issues = body.getAsJsonArray("issues");
        assertThat(issues).hasSize(2);
        assertThat(issues.get(0).getAsJsonObject().get("code").getAsString()).isEqualTo("TEL-2");
        assertThat(issues.get(0).getAsJsonObject().get("path").getAsString()).isEqualTo("telephone.notices");
        assertThat(issues.get(1).getAsJsonObject().get("severity").getAsString())
                .isEqualTo("warning");
        assertThat(issues.get(1).getAsJsonObject().has("path")).isFalse();
    }

    private static List<Reason> reasons(ErrorCode... codes) {
        return Arrays.stream(codes).map(c -> Reason.error(c, "because")).toList();
    }
}
