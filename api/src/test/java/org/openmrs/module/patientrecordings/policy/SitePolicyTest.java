/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmrs.module.patientrecordings.policy.SitePolicies.aSite;

import java.util.EnumSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.domain.Purpose;
import org.openmrs.module.patientrecordings.domain.RecordingKind;
import org.openmrs.module.patientrecordings.domain.SiteId;
import org.openmrs.module.patientrecordings.retention.RecordClass;

/** The server's default site policy and how a policy's versions follow one another (POL-1, POL-2). */
@DisplayName("POL-1, POL-2: the server's default site policy and the versions of a policy")
class SitePolicyTest {

    @Test
    @DisplayName("POL-1, TEL-1, REC-2, REC-3: the default allows every overt kind but telephone, for direct care only,"
            + " telephone recording off, England's general schedule, a missing note flagged")
    void theServerDefaultIsConservative() {
        SitePolicy policy = SitePolicy.serverDefault();

        assertThat(policy.site()).isEqualTo(SitePolicy.SERVER_DEFAULT);
        assertThat(policy.isServerDefault()).isTrue();
        assertThat(policy.version()).isEqualTo(1);
        assertThat(policy.allowedKinds()).isEqualTo(EnumSet.complementOf(EnumSet.of(RecordingKind.TELEPHONE)));
        assertThat(policy.cliniciansMayRecordConsultations()).isTrue();
        assertThat(policy.telephone()).isEqualTo(TelephonePolicy.OFF);
        assertThat(policy.noFilmingAreas()).isEmpty();
        assertThat(policy.secondaryPurposes()).isEmpty();
        assertThat(policy.allowsPurpose(Purpose.DIRECT_CARE)).isTrue();
        assertThat(policy.allowsPurpose(Purpose.PATIENT_OWN_USE)).isTrue();
        assertThat(Stream.of(Purpose.TRAINING, Purpose.RESEARCH, Purpose.AUDIT, Purpose.QUALITY, Purpose.LEGAL))
                .noneMatch(policy::allowsPurpose);
        assertThat(policy.jurisdiction()).isEqualTo("ENGLAND");
        assertThat(policy.recordClass()).isEqualTo(RecordClass.GENERAL);
        assertThat(policy.missingNote()).isEqualTo(MissingNoteHandling.FLAG);
    }

    @Test
    @DisplayName("POL-2: the next version of a policy is numbered one more, with every setting kept")
    void theNextVersionKeepsEverySetting() {
        SitePolicy current = aSite().atVersion(3).build();

        SitePolicy next = current.nextVersion();

        assertThat(next.version()).isEqualTo(4);
        assertThat(next.site()).isEqualTo(current.site());
        assertThat(next.isServerDefault()).isFalse();
        assertThat(next.as(current.site(), 3)).isEqualTo(current);
    }

    @Test
    @DisplayName("POL-1: a site taking the default's settings has its own policy, under its own version")
    void aSiteTakesTheDefaultsSettingsAsItsOwn() {
        SiteId riverside = SiteId.of("riverside-practice");

        SitePolicy own = SitePolicy.serverDefault().as(riverside, 2);

        assertThat(own.site()).isEqualTo(riverside);
        assertThat(own.version()).isEqualTo(2);
        assertThat(own.isServerDefault()).isFalse();
        assertThat(own.as(SitePolicy.SERVER_DEFAULT, 1)).isEqualTo(SitePolicy.serverDefault());
    }
}
