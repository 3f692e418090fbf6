/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.fhir;

/**
 * The standard (HL7, DICOM, LOINC) code systems and core extensions our profiles use. They are not ours to publish,
 * so they live here rather than in {@link FhirUrls}.
 */
public final class Hl7Systems {

    public static final String CONFIDENTIALITY = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";
    public static final String OBSERVATION_VALUE = "http://terminology.hl7.org/CodeSystem/v3-ObservationValue";
    public static final String ACT_REASON = "http://terminology.hl7.org/CodeSystem/v3-ActReason";
    public static final String PARTICIPATION_TYPE = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
    public static final String MEDIA_TYPE = "http://terminology.hl7.org/CodeSystem/media-type";
    public static final String CONSENT_SCOPE = "http://terminology.hl7.org/CodeSystem/consentscope";
    public static final String LOINC = "http://loinc.org";
    public static final String AUDIT_EVENT_TYPE = "http://terminology.hl7.org/CodeSystem/audit-event-type";
    public static final String RESTFUL_INTERACTION = "http://hl7.org/fhir/restful-interaction";
    public static final String ISO_21089_LIFECYCLE = "http://terminology.hl7.org/CodeSystem/iso-21089-lifecycle";
    public static final String OBJECT_ROLE = "http://terminology.hl7.org/CodeSystem/object-role";
    public static final String AUDIT_ENTITY_TYPE = "http://terminology.hl7.org/CodeSystem/audit-entity-type";
    public static final String SECURITY_SOURCE_TYPE = "http://terminology.hl7.org/CodeSystem/security-source-type";
    public static final String DICOM = "http://dicom.nema.org/resources/ontology/DCM";

    /** Core extension: where an event happened (our site). */
    public static final String EXT_EVENT_LOCATION = "http://hl7.org/fhir/StructureDefinition/event-location";
    /** Core extension on Consent.provision: where the consent applies (our site). */
    public static final String EXT_CONSENT_LOCATION = "http://hl7.org/fhir/StructureDefinition/consent-location";
    /** Core extension: why an event is in its status. */
    public static final String EXT_EVENT_STATUS_REASON = "http://hl7.org/fhir/StructureDefinition/event-statusReason";

    private Hl7Systems() {}
}
