// SPDX-License-Identifier: MPL-2.0
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { mediaFor, recordingOf } from './recordings';

const example = (name: string) =>
  JSON.parse(readFileSync(resolve(__dirname, `../../../fhir-profiles/src/main/fhir/examples/${name}.json`), 'utf8'));
const readme = (name: string) => JSON.parse(readFileSync(resolve(__dirname, `../../../docs/examples/${name}.json`), 'utf8'));

describe('recordings as the conformance package describes them', () => {
  it('reads a confirmed consultation recording', () => {
    const r = recordingOf(example('Media-consultation-recording'));
    expect(r).toMatchObject({
      id: 'consultation-recording',
      kind: 'CONSULTATION',
      mediaType: 'video',
      status: 'completed',
      initiator: 'CLINICIAN',
      purposes: ['DIRECT_CARE', 'TRAINING'],
      consentStatus: 'CONFIRMED',
      consentId: 'consent-given',
      retentionUntil: '2042-03-02',
      encounterId: 'example',
      siteId: 'example-site',
    });
    expect(r.legalHold).toBeUndefined();
  });

  it('reads a legal hold, a patient’s shared copy and a call’s notice', () => {
    expect(recordingOf(example('Media-legal-hold-recording')).legalHold).toMatchObject({ matter: 'COMPLAINT', reference: 'COMPLAINT-2026-17' });
    expect(recordingOf(example('Media-patient-made-recording')).sharedCopy).toEqual({
      received: '2026-03-05T09:00:00Z',
      obtainedBy: 'Emailed by the patient to the practice',
    });
    expect(recordingOf(example('Media-telephone-call')).callNotice).toEqual({ means: ['RECORDED_MESSAGE', 'WEBSITE'], explicitAtStart: false });
  });

  it('starts a recording with the Media the README documents', () => {
    const media = mediaFor({
      patientId: 'f737907f-a1bb-30bc-8472-97c2969d0f82',
      encounterId: '65b6ecf9-7315-3247-9ace-d6b1c9b7640d',
      siteId: 'riverside-surgery',
      kind: 'CONSULTATION',
      purposes: ['DIRECT_CARE', 'TRAINING'],
      contentType: 'video/webm',
    });
    expect(media).toEqual(readme('recording-start'));
  });

  it('marks a patient’s shared copy with when and how it was received (PAT-2)', () => {
    const media = mediaFor({
      patientId: 'p',
      siteId: 's',
      kind: 'CONSULTATION',
      purposes: ['PATIENT_OWN_USE'],
      contentType: 'audio/ogg',
      initiator: 'PATIENT',
      sharedCopy: { received: '2026-03-05T09:00:00Z', obtainedBy: 'Emailed' },
    });
    expect(JSON.stringify(media)).toContain('"code":"PATIENT"');
    expect(media.extension).toContainEqual({
      url: 'https://fhir.openmrs.org/patientrecordings/StructureDefinition/patient-shared-copy',
      extension: [
        { url: 'received', valueDateTime: '2026-03-05T09:00:00Z' },
        { url: 'obtainedBy', valueString: 'Emailed' },
      ],
    });
  });

  it('names the area it is made in (PAT-3) and each other person captured with their consent (STF-2), and reads them back', () => {
    const media = mediaFor({
      patientId: 'p',
      siteId: 's',
      kind: 'CONSULTATION',
      purposes: ['DIRECT_CARE'],
      contentType: 'video/webm',
      area: 'reception',
      capturedParties: [
        { role: 'STAFF', description: 'Nurse J. Okafor', consented: true },
        { role: 'VISITOR', description: 'The patient’s husband', consented: false },
      ],
    });
    expect(media.extension).toContainEqual({ url: 'https://fhir.openmrs.org/patientrecordings/StructureDefinition/recording-area', valueCode: 'reception' });
    expect(media.extension).toContainEqual({
      url: 'https://fhir.openmrs.org/patientrecordings/StructureDefinition/third-party-captured',
      extension: [
        { url: 'party', valueReference: { display: 'The patient’s husband' } },
        { url: 'role', valueCoding: { system: 'https://fhir.openmrs.org/patientrecordings/CodeSystem/captured-party-role', code: 'VISITOR' } },
        { url: 'consented', valueBoolean: false },
      ],
    });
    const read = recordingOf({ ...media, id: 'm1' });
    expect(read.area).toBe('reception');
    expect(read.capturedParties).toEqual([
      { role: 'STAFF', description: 'Nurse J. Okafor', consented: true },
      { role: 'VISITOR', description: 'The patient’s husband', consented: false },
    ]);
  });
});
