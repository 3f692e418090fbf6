// SPDX-License-Identifier: MPL-2.0
import type { Http } from './http';
import { idOf, type Bundle } from './recordings';
import { URLS } from './urls';
import { purposeCoding, purposeOf, type Coding, type Purpose } from './vocabulary';

/**
 * Who gives consent (CON-12): the patient, or a person with parental responsibility or other legal authority; for a
 * child who consents themself the clinician attests their competence; for an adult who lacks capacity a recording for
 * their care is a best-interests decision with the people consulted.
 */
export type GivenBy =
  | { kind: 'PATIENT'; competenceAttested?: boolean }
  | { kind: 'PARENTAL_RESPONSIBILITY' | 'LASTING_POWER_OF_ATTORNEY' | 'COURT_APPOINTED_DEPUTY'; name: string; relationship: string }
  | { kind: 'BEST_INTERESTS'; consulted: Array<{ name: string; role: string }>; decidedBy: string };

/** "Name, role" per line, as the form takes the people consulted about a best-interests decision. */
export function consultedOf(lines: string): Array<{ name: string; role: string }> {
  return lines
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const comma = line.lastIndexOf(',');
      return comma < 0 ? { name: line, role: '' } : { name: line.slice(0, comma).trim(), role: line.slice(comma + 1).trim() };
    });
}

/** Everything a consent records: what the patient was told (CON-2), the attestations (CON-3), who gave it (CON-12). */
export interface ConsentDraft {
  patientId: string;
  siteId: string;
  kinds: string[];
  purposes: Purpose[];
  audience: string;
  contextOfUse: string;
  copies: boolean | undefined;
  storage: string;
  retention: string;
  toldMayRefuse: boolean;
  toldMayWithdraw: boolean;
  toldCareUnaffected: boolean;
  noPressure: boolean;
  givenBy: GivenBy;
  /** CON-11: why a recording to defend against complaints or litigation is wanted. */
  defenceReason?: string;
}

export type Decision = 'GIVEN' | 'REFUSED';

/** A consent as the screens show it. */
export interface ConsentSummary {
  id: string;
  status: string;
  kinds: string[];
  purposes: Purpose[];
  dateTime?: string;
  withdrawn?: string;
  confirmed?: boolean;
  /** The later decision on the same kinds and purposes that replaced this one (then inactive, not withdrawn). */
  supersededBy?: string;
}

/**
 * The consent a new recording of this kind is made under: the latest decision still in force that covers the kind
 * (a consent naming no kinds covers every kind). Earlier decisions that are still active cover other kinds or
 * purposes, and are not the one the clinician has just recorded.
 */
export function latestActiveConsent(consents: ConsentSummary[], kind: string): ConsentSummary | undefined {
  return consents
    .filter((c) => c.status === 'active' && (c.kinds.length === 0 || c.kinds.includes(kind)))
    .sort((a, b) => (b.dateTime ?? '').localeCompare(a.dateTime ?? ''))[0];
}

/**
 * Who decided, as the conformance package says it (CON-12): Consent.performer is the Patient; a parent, attorney or
 * deputy as a contained RelatedPerson with their name, relationship and the authority they decide on
 * (consent-authority); or, for a best-interests decision, the clinician recording it, with the people consulted
 * (best-interests) — and a child who consents themself carries the clinician's competence attestation.
 */
export function whoDecided(draft: ConsentDraft): { performer: unknown[]; contained?: unknown[]; extension: unknown[] } {
  const by = draft.givenBy;
  switch (by.kind) {
    case 'PATIENT':
      return {
        performer: [{ reference: `Patient/${draft.patientId}` }],
        extension: by.competenceAttested ? [{ url: URLS.extCompetence, valueBoolean: true }] : [],
      };
    case 'BEST_INTERESTS':
      return {
        performer: [{ reference: `Practitioner/${by.decidedBy}` }],
        extension: [
          {
            url: URLS.extBestInterests,
            extension: by.consulted.map((c) => ({
              url: 'consulted',
              extension: [
                { url: 'name', valueString: c.name },
                { url: 'role', valueString: c.role },
              ],
            })),
          },
        ],
      };
    default:
      return {
        contained: [
          {
            resourceType: 'RelatedPerson',
            id: 'giver',
            patient: { reference: `Patient/${draft.patientId}` },
            relationship: [{ coding: [{ system: URLS.csConsentAuthority, code: by.kind }] }, { text: by.relationship.trim() }],
            name: [{ text: by.name.trim() }],
          },
        ],
        performer: [{ reference: '#giver', display: `${by.name.trim()} (${by.relationship.trim()})` }],
        extension: [],
      };
  }
}

/** The Consent resource of a decision (the README's consent-given example; rejected when refused, CON-4). */
export function consentResource(draft: ConsentDraft, decision: Decision): Record<string, unknown> {
  const informationGiven = [
    { url: 'contextOfUse', valueString: draft.contextOfUse },
    ...(draft.copies === undefined ? [] : [{ url: 'copies', valueBoolean: draft.copies }]),
    { url: 'storage', valueString: draft.storage },
    { url: 'retention', valueString: draft.retention },
  ].filter((e) => !('valueString' in e) || (e.valueString ?? '').trim() !== '');
  const extension: unknown[] = [
    { url: URLS.extInformationGiven, extension: informationGiven },
    {
      url: URLS.extAttestation,
      extension: [
        { url: 'toldMayRefuse', valueBoolean: draft.toldMayRefuse },
        { url: 'toldMayWithdraw', valueBoolean: draft.toldMayWithdraw },
        { url: 'toldCareUnaffected', valueBoolean: draft.toldCareUnaffected },
        { url: 'noPressure', valueBoolean: draft.noPressure },
      ],
    },
  ];
  if (draft.defenceReason?.trim()) {
    extension.push({ url: URLS.extDefenceReason, valueString: draft.defenceReason.trim() });
  }
  const decided = whoDecided(draft);
  extension.push(...decided.extension);
  const actor = draft.audience.trim()
    ? [{ role: { coding: [{ system: URLS.participationType, code: 'IRCP' }] }, reference: { display: draft.audience.trim() } }]
    : [];
  return {
    resourceType: 'Consent',
    meta: { profile: [URLS.profileConsent] },
    ...(decided.contained ? { contained: decided.contained } : {}),
    extension,
    status: decision === 'GIVEN' ? 'active' : 'rejected',
    scope: { coding: [{ system: URLS.consentScope, code: 'patient-privacy' }] },
    category: [
      { coding: [{ system: URLS.loinc, code: '59284-0', display: 'Patient Consent' }] },
      { coding: [{ system: URLS.csConsentCategory, code: 'RECORDING' }] },
    ],
    patient: { reference: `Patient/${draft.patientId}` },
    performer: decided.performer,
    provision: {
      extension: [{ url: URLS.extConsentLocation, valueReference: { reference: `Location/${draft.siteId}` } }],
      type: decision === 'GIVEN' ? 'permit' : 'deny',
      actor,
      purpose: draft.purposes.map(purposeCoding),
      code: draft.kinds.map((k) => ({ coding: [{ system: URLS.csRecordingKind, code: k }] })),
    },
  };
}

/** What a consent form still lacks, by the rule that needs it: the form cannot be completed until this is empty. */
export function missingOf(draft: ConsentDraft, decision: Decision): Array<{ rule: string; field: string }> {
  const missing: Array<{ rule: string; field: string }> = [];
  if (draft.kinds.length === 0) missing.push({ rule: 'CON-2', field: 'kinds' });
  if (draft.purposes.length === 0) missing.push({ rule: 'CON-2', field: 'purposes' });
  if (decision === 'REFUSED') {
    return missing;
  }
  if (!draft.audience.trim()) missing.push({ rule: 'CON-2', field: 'audience' });
  if (!draft.contextOfUse.trim()) missing.push({ rule: 'CON-2', field: 'contextOfUse' });
  if (draft.copies === undefined) missing.push({ rule: 'CON-2', field: 'copies' });
  if (!draft.storage.trim()) missing.push({ rule: 'CON-2', field: 'storage' });
  if (!draft.retention.trim()) missing.push({ rule: 'CON-2', field: 'retention' });
  if (!draft.toldMayRefuse) missing.push({ rule: 'CON-3', field: 'toldMayRefuse' });
  if (!draft.toldMayWithdraw) missing.push({ rule: 'CON-3', field: 'toldMayWithdraw' });
  if (!draft.toldCareUnaffected) missing.push({ rule: 'CON-3', field: 'toldCareUnaffected' });
  if (!draft.noPressure) missing.push({ rule: 'CON-3', field: 'noPressure' });
  const by = draft.givenBy;
  if (by.kind === 'BEST_INTERESTS' && (by.consulted.length === 0 || by.consulted.some((c) => !c.name || !c.role))) {
    missing.push({ rule: 'CON-12', field: 'consulted' });
  }
  if (
    (by.kind === 'PARENTAL_RESPONSIBILITY' || by.kind === 'LASTING_POWER_OF_ATTORNEY' || by.kind === 'COURT_APPOINTED_DEPUTY') &&
    (!by.name.trim() || !by.relationship.trim())
  ) {
    missing.push({ rule: 'CON-12', field: 'representative' });
  }
  if (draft.purposes.includes('DEFENCE') && !draft.defenceReason?.trim()) {
    missing.push({ rule: 'CON-11', field: 'defenceReason' });
  }
  return missing;
}

/**
 * Whether a patient of this age needs the clinician's competence attestation to consent themself (CON-12: under
 * 16), given their birth date and today.
 */
export function isChild(birthDate: string | undefined, today: Date = new Date()): boolean {
  if (!birthDate) {
    return false;
  }
  const birth = new Date(`${birthDate.slice(0, 10)}T00:00:00Z`);
  const sixteenth = new Date(Date.UTC(birth.getUTCFullYear() + 16, birth.getUTCMonth(), birth.getUTCDate()));
  return today.getTime() < sixteenth.getTime();
}

type Resource = Record<string, any>;

export function consentSummaryOf(consent: Resource): ConsentSummary {
  const withdrawal = (consent.extension ?? []).find((e: { url: string }) => e.url === URLS.extWithdrawal);
  const confirmation = (consent.extension ?? []).find((e: { url: string }) => e.url === URLS.extConfirmation);
  const successor = (consent.extension ?? []).find((e: { url: string }) => e.url === URLS.extSupersededBy);
  return {
    id: consent.id,
    status: consent.status,
    kinds: (consent.provision?.code ?? []).map((c: { coding?: Coding[] }) => c.coding?.[0]?.code).filter(Boolean),
    purposes: (consent.provision?.purpose ?? []).map((c: Coding) => purposeOf(c)).filter(Boolean),
    dateTime: consent.dateTime,
    withdrawn: withdrawal?.extension?.find((e: { url: string }) => e.url === 'at')?.valueDateTime,
    confirmed: confirmation?.extension?.find((e: { url: string }) => e.url === 'confirmed')?.valueBoolean,
    supersededBy: idOf(successor?.valueReference?.reference),
  };
}

/** A register entry the screens show before anything starts: a standing objection (CON-10), a staff objection (STF-1). */
export interface Objection {
  id: string;
  who?: string;
  whoId?: string;
  comment?: string;
}

export class ConsentsApi {
  constructor(
    private readonly http: Http,
    private readonly base: string,
  ) {}

  async record(draft: ConsentDraft, decision: Decision): Promise<ConsentSummary> {
    const created = await this.http.json<Resource>(`${this.base}/Consent`, {
      method: 'POST',
      json: consentResource(draft, decision),
      headers: { 'Content-Type': 'application/fhir+json' },
    });
    return consentSummaryOf(created);
  }

  async forPatient(patientId: string): Promise<ConsentSummary[]> {
    const bundle = await this.http.json<Bundle>(`${this.base}/Consent?patient=${encodeURIComponent(patientId)}&_count=100`);
    return (bundle.entry ?? []).map((e) => consentSummaryOf(e.resource!));
  }

  /**
   * CON-5 when a recording is in progress (it stops at once and is sealed), CON-6 otherwise. The withdrawal takes
   * effect when the server records it (it names no other instant).
   */
  async withdraw(consentId: string, options: { comment?: string; duringRecording?: string } = {}) {
    const parameter: unknown[] = [];
    if (options.duringRecording) parameter.push({ name: 'duringRecording', valueReference: { reference: `Media/${options.duringRecording}` } });
    if (options.comment) parameter.push({ name: 'comment', valueString: options.comment });
    return consentSummaryOf(
      await this.http.json<Resource>(`${this.base}/Consent/${encodeURIComponent(consentId)}/$withdraw`, {
        method: 'POST',
        json: { resourceType: 'Parameters', parameter },
        headers: { 'Content-Type': 'application/fhir+json' },
      }),
    );
  }

  /** The patient's active standing objections to being recorded (CON-10). */
  async standingObjections(patientId: string): Promise<Objection[]> {
    const bundle = await this.http.json<Bundle>(
      `${this.base}/Consent?patient=${encodeURIComponent(patientId)}&category=STANDING_OBJECTION&status=active`,
    );
    return (bundle.entry ?? []).map((e) => objectionOf(e.resource!));
  }

  /** Staff who have declined to be recorded (STF-1). */
  async staffObjections(): Promise<Objection[]> {
    const bundle = await this.http.json<Bundle>(`${this.base}/Consent?category=STAFF_OBJECTION&status=active`);
    return (bundle.entry ?? []).map((e) => objectionOf(e.resource!));
  }
}

function objectionOf(consent: Resource): Objection {
  const performer = consent.performer?.[0];
  const actor = consent.provision?.actor?.[0]?.reference;
  const who = actor ?? performer;
  return {
    id: consent.id,
    who: who?.display ?? idOf(who?.reference),
    whoId: idOf(who?.reference),
    comment: consent.provision?.extension?.find((e: { valueString?: string }) => e.valueString)?.valueString ?? consent.text?.div?.replace(/<[^>]+>/g, ''),
  };
}
