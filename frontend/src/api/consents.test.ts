// SPDX-License-Identifier: MPL-2.0
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { consentResource, consentSummaryOf, consultedOf, isChild, latestActiveConsent, missingOf, type ConsentDraft, type ConsentSummary } from './consents';
import { URLS } from './urls';

const complete: ConsentDraft = {
  patientId: 'f737907f-a1bb-30bc-8472-97c2969d0f82',
  siteId: 'riverside-surgery',
  kinds: ['CONSULTATION'],
  purposes: ['DIRECT_CARE', 'TRAINING'],
  audience: 'The patient\'s care team and the surgery\'s GP trainees',
  contextOfUse: 'Teaching sessions for GP trainees at Riverside Surgery',
  copies: false,
  storage: 'Encrypted in the surgery\'s clinical record system, never on personal devices',
  retention: 'Kept with the clinical record for 8 years after the last treatment',
  toldMayRefuse: true,
  toldMayWithdraw: true,
  toldCareUnaffected: true,
  noPressure: true,
  givenBy: { kind: 'PATIENT' },
};

describe('the consent form’s rules', () => {
  it('writes the consent the README documents, with the patient as the one who consented', () => {
    const readme = JSON.parse(readFileSync(resolve(__dirname, '../../../docs/examples/consent-given.json'), 'utf8'));
    const written = consentResource({ ...complete, audience: 'The patient\'s care team and the surgery\'s GP trainees' }, 'GIVEN');
    const { performer, ...rest } = written as Record<string, unknown>;
    expect(rest).toEqual({ ...readme, provision: { ...readme.provision, actor: [{ ...readme.provision.actor[0], reference: { display: complete.audience } }] }, extension: [readme.extension[0], readme.extension[1]].map((e: any, i: number) => (i === 0 ? { ...e, extension: e.extension.map((x: any) => (x.url === 'storage' ? { ...x, valueString: complete.storage } : x)) } : e)) });
    expect(performer).toEqual([{ reference: 'Patient/f737907f-a1bb-30bc-8472-97c2969d0f82' }]);
  });

  it('names every missing CON-2 element and every CON-3 attestation', () => {
    const empty: ConsentDraft = { ...complete, audience: '', contextOfUse: '', copies: undefined, storage: ' ', retention: '', toldMayRefuse: false, toldMayWithdraw: false, toldCareUnaffected: false, noPressure: false };
    expect(missingOf(empty, 'GIVEN')).toEqual([
      { rule: 'CON-2', field: 'audience' },
      { rule: 'CON-2', field: 'contextOfUse' },
      { rule: 'CON-2', field: 'copies' },
      { rule: 'CON-2', field: 'storage' },
      { rule: 'CON-2', field: 'retention' },
      { rule: 'CON-3', field: 'toldMayRefuse' },
      { rule: 'CON-3', field: 'toldMayWithdraw' },
      { rule: 'CON-3', field: 'toldCareUnaffected' },
      { rule: 'CON-3', field: 'noPressure' },
    ]);
    expect(missingOf(complete, 'GIVEN')).toEqual([]);
  });

  it('lets a refusal be recorded with only what was refused (CON-4)', () => {
    const empty: ConsentDraft = { ...complete, audience: '', contextOfUse: '', copies: undefined, toldMayRefuse: false };
    expect(missingOf(empty, 'REFUSED')).toEqual([]);
    const refused = consentResource(empty, 'REFUSED') as any;
    expect(refused.status).toBe('rejected');
    expect(refused.provision.type).toBe('deny');
  });

  it('needs the name and relationship of a parent, and the people consulted for a best-interests decision (CON-12)', () => {
    expect(missingOf({ ...complete, givenBy: { kind: 'PARENTAL_RESPONSIBILITY', name: 'Sarah Clarke', relationship: '' } }, 'GIVEN')).toEqual([{ rule: 'CON-12', field: 'representative' }]);
    expect(missingOf({ ...complete, givenBy: { kind: 'BEST_INTERESTS', consulted: [], decidedBy: 'u1' } }, 'GIVEN')).toEqual([{ rule: 'CON-12', field: 'consulted' }]);
    expect(missingOf({ ...complete, givenBy: { kind: 'BEST_INTERESTS', consulted: consultedOf('Mary Clarke'), decidedBy: 'u1' } }, 'GIVEN')).toEqual([{ rule: 'CON-12', field: 'consulted' }]);
  });

  it('says who decided as the conformance package does (CON-12)', () => {
    const parent = consentResource({ ...complete, givenBy: { kind: 'PARENTAL_RESPONSIBILITY', name: 'Sarah Clarke', relationship: 'mother' } }, 'GIVEN') as any;
    expect(parent.contained).toEqual([
      {
        resourceType: 'RelatedPerson',
        id: 'giver',
        patient: { reference: 'Patient/f737907f-a1bb-30bc-8472-97c2969d0f82' },
        relationship: [{ coding: [{ system: 'https://fhir.openmrs.org/patientrecordings/CodeSystem/consent-authority', code: 'PARENTAL_RESPONSIBILITY' }] }, { text: 'mother' }],
        name: [{ text: 'Sarah Clarke' }],
      },
    ]);
    expect(parent.performer).toEqual([{ reference: '#giver', display: 'Sarah Clarke (mother)' }]);

    const child = consentResource({ ...complete, givenBy: { kind: 'PATIENT', competenceAttested: true } }, 'GIVEN') as any;
    expect(child.extension).toContainEqual({ url: 'https://fhir.openmrs.org/patientrecordings/StructureDefinition/competence-attestation', valueBoolean: true });

    const bestInterests = consentResource({ ...complete, givenBy: { kind: 'BEST_INTERESTS', consulted: consultedOf('Mary Clarke, daughter\nDr Ian Wood, GP'), decidedBy: 'u1' } }, 'GIVEN') as any;
    expect(bestInterests.performer).toEqual([{ reference: 'Practitioner/u1' }]);
    expect(bestInterests.extension).toContainEqual({
      url: 'https://fhir.openmrs.org/patientrecordings/StructureDefinition/best-interests',
      extension: [
        { url: 'consulted', extension: [{ url: 'name', valueString: 'Mary Clarke' }, { url: 'role', valueString: 'daughter' }] },
        { url: 'consulted', extension: [{ url: 'name', valueString: 'Dr Ian Wood' }, { url: 'role', valueString: 'GP' }] },
      ],
    });
  });

  it('needs a reason for a recording to defend against complaints (CON-11)', () => {
    expect(missingOf({ ...complete, purposes: ['DEFENCE'] }, 'GIVEN')).toEqual([{ rule: 'CON-11', field: 'defenceReason' }]);
  });

  it('knows a child under 16', () => {
    expect(isChild('2015-06-01', new Date('2026-03-02T00:00:00Z'))).toBe(true);
    expect(isChild('2010-03-02', new Date('2026-03-02T00:00:00Z'))).toBe(false);
    expect(isChild('2010-03-03', new Date('2026-03-02T00:00:00Z'))).toBe(true);
    expect(isChild(undefined)).toBe(false);
  });

  it('tells a consent replaced by a later decision from a withdrawn one', () => {
    const superseded = consentSummaryOf({
      id: 'first',
      status: 'inactive',
      extension: [{ url: URLS.extSupersededBy, valueReference: { reference: 'Consent/second' } }],
    });
    const withdrawn = consentSummaryOf({ id: 'other', status: 'inactive', extension: [] });

    expect(superseded.supersededBy).toBe('second');
    expect(withdrawn.supersededBy).toBeUndefined();
  });
});

describe('the consent a new recording is made under', () => {
  const consent = (id: string, status: string, dateTime: string, kinds: string[] = ['CONSULTATION']): ConsentSummary => ({ id, status, kinds, purposes: ['DIRECT_CARE'], dateTime });

  it('is the latest decision in force that covers the kind, whatever order the server listed them in', () => {
    const consents = [
      consent('older', 'active', '2026-12-05T10:43:00Z'),
      consent('withdrawn', 'inactive', '2026-12-05T10:50:00Z'),
      consent('latest', 'active', '2026-12-05T10:49:00Z'),
      consent('calls', 'active', '2026-12-05T10:55:00Z', ['TELEPHONE']),
    ];
    expect(latestActiveConsent(consents, 'CONSULTATION')?.id).toBe('latest');
    expect(latestActiveConsent([...consents].reverse(), 'CONSULTATION')?.id).toBe('latest');
    expect(latestActiveConsent(consents, 'TELEPHONE')?.id).toBe('calls');
  });

  it('is none when no decision in force covers the kind', () => {
    expect(latestActiveConsent([consent('refused', 'rejected', '2026-12-05T10:43:00Z')], 'CONSULTATION')).toBeUndefined();
  });
});
