// SPDX-License-Identifier: MPL-2.0
import type { Http } from './http';
import { URLS } from './urls';
import { mediaTypeOf, purposeCoding, purposeOf, type Coding, type Purpose } from './vocabulary';

/** A recording as the clinician's screens show it, read from its FHIR Media. */
export interface Recording {
  id: string;
  versionId?: string;
  kind?: string;
  mediaType?: string;
  status: string;
  initiator?: string;
  mode?: string;
  purposes: Purpose[];
  consentStatus?: string;
  consentId?: string;
  start?: string;
  end?: string;
  retentionUntil?: string;
  legalHold?: { matter?: string; reference?: string; placed?: string };
  encounterId?: string;
  siteId?: string;
  contentUrl?: string;
  contentType?: string;
  size?: number;
  sharedCopy?: { received?: string; obtainedBy?: string };
  callNotice?: { means: string[]; explicitAtStart?: boolean };
  derivativeOf?: string;
  /** PAT-3: the code of the site's area it was made in, when stated. */
  area?: string;
  /** STF-2: the other people it captures; a party the server only knows by reference is shown by that reference. */
  capturedParties?: Array<{ role?: string; description: string; consented: boolean }>;
}

type Extension = { url: string; extension?: Extension[]; [value: string]: unknown };
type Resource = { resourceType: string; id?: string; meta?: { versionId?: string; security?: Coding[] }; [k: string]: any };

export interface Bundle {
  resourceType: 'Bundle';
  total?: number;
  link?: Array<{ relation: string; url: string }>;
  entry?: Array<{ resource?: Resource; search?: { mode?: string } }>;
}

export function idOf(reference: string | undefined): string | undefined {
  if (!reference) {
    return undefined;
  }
  const parts = reference.split('/');
  return parts[parts.length - 1] || undefined;
}

function ext(resource: { extension?: Extension[] } | Resource, url: string): Extension | undefined {
  return (resource.extension as Extension[] | undefined)?.find((e) => e.url === url);
}

function exts(resource: { extension?: Extension[] } | Resource, url: string): Extension[] {
  return (resource.extension as Extension[] | undefined)?.filter((e) => e.url === url) ?? [];
}

function sub(extension: Extension | undefined, url: string): Extension | undefined {
  return extension?.extension?.find((e) => e.url === url);
}

/** Reads a Media of the recording-media profile. */
export function recordingOf(media: Resource): Recording {
  const hold = ext(media, URLS.extLegalHold);
  const held = (media.meta?.security ?? []).some((c: Coding) => c.system === URLS.csSecurityLabel && c.code === 'LEGAL_HOLD');
  const shared = ext(media, URLS.extPatientSharedCopy);
  const notice = ext(media, URLS.extCallNotice);
  return {
    id: media.id ?? '',
    versionId: media.meta?.versionId,
    kind: media.modality?.coding?.[0]?.code,
    mediaType: media.type?.coding?.[0]?.code,
    status: media.status,
    initiator: (ext(media, URLS.extInitiator)?.valueCoding as Coding | undefined)?.code,
    mode: (ext(media, URLS.extMode)?.valueCoding as Coding | undefined)?.code,
    purposes: exts(media, URLS.extPurpose)
      .map((e) => purposeOf((e.valueCodeableConcept as { coding?: Coding[] } | undefined)?.coding?.[0]))
      .filter((p): p is string => !!p),
    consentStatus: (ext(media, URLS.extConsentStatus)?.valueCoding as Coding | undefined)?.code,
    consentId: idOf((ext(media, URLS.extGoverningConsent)?.valueReference as { reference?: string } | undefined)?.reference),
    start: media.createdPeriod?.start ?? media.createdDateTime,
    end: media.createdPeriod?.end,
    retentionUntil: ext(media, URLS.extRetentionUntil)?.valueDate as string | undefined,
    legalHold:
      hold || held
        ? {
            matter: (sub(hold, 'matter')?.valueCoding as Coding | undefined)?.code,
            reference: sub(hold, 'reference')?.valueString as string | undefined,
            placed: sub(hold, 'placed')?.valueDateTime as string | undefined,
          }
        : undefined,
    encounterId: idOf(media.encounter?.reference),
    siteId: idOf((ext(media, URLS.extEventLocation)?.valueReference as { reference?: string } | undefined)?.reference),
    contentUrl: media.content?.url,
    contentType: media.content?.contentType,
    size: media.content?.size,
    sharedCopy: shared
      ? {
          received: sub(shared, 'received')?.valueDateTime as string | undefined,
          obtainedBy: sub(shared, 'obtainedBy')?.valueString as string | undefined,
        }
      : undefined,
    callNotice: notice
      ? {
          means: (notice.extension ?? [])
            .filter((e) => e.url === 'means')
            .map((e) => (e.valueCoding as Coding | undefined)?.code ?? ''),
          explicitAtStart: sub(notice, 'explicitAtStart')?.valueBoolean as boolean | undefined,
        }
      : undefined,
    derivativeOf: idOf((ext(media, URLS.extDerivativeOf)?.valueReference as { reference?: string } | undefined)?.reference),
    area: ext(media, URLS.extArea)?.valueCode as string | undefined,
    capturedParties: exts(media, URLS.extThirdPartyCaptured).map((party) => {
      const who = sub(party, 'party')?.valueReference as { reference?: string; display?: string } | undefined;
      return {
        role: (sub(party, 'role')?.valueCoding as Coding | undefined)?.code,
        description: who?.display ?? who?.reference ?? '',
        consented: sub(party, 'consented')?.valueBoolean === true,
      };
    }),
  };
}

/** What a clinician starts: a recording of a kind, for purposes, in an encounter at a site. */
export interface NewRecording {
  patientId: string;
  encounterId?: string;
  siteId: string;
  kind: string;
  purposes: Purpose[];
  contentType: string;
  initiator?: 'CLINICIAN' | 'PATIENT';
  mode?: 'OVERT' | 'COVERT';
  /** A copy the patient shares (PAT-2). */
  sharedCopy?: { received: string; obtainedBy: string };
  /** CON-11: why a recording is made to defend against complaints or litigation. */
  defenceReason?: string;
  /** PAT-3: the code of the area of the site where it is made, as the site's policy names it. */
  area?: string;
  /** STF-2: the other people it captures, each described and with their consent. */
  capturedParties?: CapturedParty[];
}

/** STF-2: another person a recording captures: a member of staff, a visitor, or another patient. */
export interface CapturedParty {
  role: 'STAFF' | 'VISITOR' | 'PATIENT';
  /** Who they are, in words ("Nurse J. Okafor", "the patient's husband"). */
  description: string;
  consented: boolean;
}

/** The Media that starts a recording (the README's recording-start example). */
export function mediaFor(recording: NewRecording): Resource {
  const extension: Extension[] = [
    {
      url: URLS.extInitiator,
      valueCoding: { system: URLS.csInitiator, code: recording.initiator ?? 'CLINICIAN' },
    },
    { url: URLS.extMode, valueCoding: { system: URLS.csMode, code: recording.mode ?? 'OVERT' } },
    ...recording.purposes.map((p) => ({ url: URLS.extPurpose, valueCodeableConcept: { coding: [purposeCoding(p)] } })),
    { url: URLS.extEventLocation, valueReference: { reference: `Location/${recording.siteId}` } },
  ];
  if (recording.sharedCopy) {
    extension.push({
      url: URLS.extPatientSharedCopy,
      extension: [
        { url: 'received', valueDateTime: recording.sharedCopy.received },
        { url: 'obtainedBy', valueString: recording.sharedCopy.obtainedBy },
      ],
    });
  }
  if (recording.defenceReason) {
    extension.push({ url: URLS.extDefenceReason, valueString: recording.defenceReason });
  }
  if (recording.area) {
    extension.push({ url: URLS.extArea, valueCode: recording.area });
  }
  for (const party of recording.capturedParties ?? []) {
    extension.push({
      url: URLS.extThirdPartyCaptured,
      extension: [
        { url: 'party', valueReference: { display: party.description } },
        { url: 'role', valueCoding: { system: URLS.csCapturedPartyRole, code: party.role } },
        { url: 'consented', valueBoolean: party.consented },
      ],
    });
  }
  const media: Resource = {
    resourceType: 'Media',
    meta: { profile: [URLS.profileMedia] } as any,
    extension,
    status: 'in-progress',
    type: { coding: [{ system: URLS.mediaType, code: mediaTypeOf(recording.contentType) }] },
    modality: { coding: [{ system: URLS.csRecordingKind, code: recording.kind }] },
    subject: { reference: `Patient/${recording.patientId}` },
    content: { contentType: recording.contentType },
  };
  if (recording.encounterId) {
    media.encounter = { reference: `Encounter/${recording.encounterId}` };
  }
  return media;
}

export interface RecordingFilters {
  status?: string;
  kind?: string;
  purpose?: string;
  consentStatus?: string;
}

/** The recordings part of the FHIR API (omod/FHIR.md). */
export class RecordingsApi {
  constructor(
    private readonly http: Http,
    private readonly base: string,
  ) {}

  async search(patientId: string, filters: RecordingFilters = {}): Promise<Recording[]> {
    const query = new URLSearchParams({ patient: patientId, _sort: '-created', _count: '100' });
    if (filters.status) query.set('status', filters.status);
    if (filters.kind) query.set('kind', filters.kind);
    if (filters.purpose) query.set('purpose', purposeToken(filters.purpose));
    if (filters.consentStatus) query.set('consent-status', filters.consentStatus);
    const bundle = await this.http.json<Bundle>(`${this.base}/Media?${query}`);
    return (bundle.entry ?? [])
      .filter((e) => e.resource?.resourceType === 'Media' && e.search?.mode !== 'include')
      .map((e) => recordingOf(e.resource!));
  }

  async read(id: string): Promise<Recording> {
    return recordingOf(await this.http.json<Resource>(`${this.base}/Media/${encodeURIComponent(id)}`));
  }

  async start(recording: NewRecording): Promise<Recording> {
    const created = await this.http.json<Resource>(`${this.base}/Media`, {
      method: 'POST',
      json: mediaFor(recording),
      headers: { 'Content-Type': 'application/fhir+json' },
    });
    return recordingOf(created);
  }

  async complete(id: string): Promise<Recording> {
    return this.operation(id, '$complete', undefined);
  }

  async stop(id: string): Promise<Recording> {
    return this.operation(id, '$stop', undefined);
  }

  async void(id: string, reason: string): Promise<Recording> {
    return this.operation(id, '$void', { name: 'reason', valueString: reason });
  }

  /** CON-7: the patient's confirmation or refusal after the recording. */
  async confirmConsent(id: string, answer: { confirmed: boolean; offeredToSeeOrHear: boolean; toldWhatTheyWouldSee?: boolean }) {
    const parameter: unknown[] = [
      { name: 'confirmed', valueBoolean: answer.confirmed },
      { name: 'offeredToSeeOrHear', valueBoolean: answer.offeredToSeeOrHear },
    ];
    if (answer.toldWhatTheyWouldSee !== undefined) {
      parameter.push({ name: 'toldWhatTheyWouldSee', valueBoolean: answer.toldWhatTheyWouldSee });
    }
    return this.http.json<Resource>(`${this.base}/Media/${encodeURIComponent(id)}/$confirm-consent`, {
      method: 'POST',
      json: { resourceType: 'Parameters', parameter },
      headers: { 'Content-Type': 'application/fhir+json' },
    });
  }

  /** SEC-3: an anonymised copy for a secondary purpose; refusals say what it needs (SEC-1, SEC-2). */
  async anonymisedDerivative(id: string, purpose: Purpose, deIdentification: 'ANONYED' | 'PSEUDED' | 'MASKED', method?: string) {
    const parameter: unknown[] = [
      { name: 'deIdentification', valueCoding: { system: URLS.observationValue, code: deIdentification } },
      { name: 'purpose', valueCoding: purposeCoding(purpose) },
    ];
    if (method) parameter.push({ name: 'method', valueString: method });
    return recordingOf(
      await this.http.json<Resource>(`${this.base}/Media/${encodeURIComponent(id)}/$anonymised-derivative`, {
        method: 'POST',
        json: { resourceType: 'Parameters', parameter },
        headers: { 'Content-Type': 'application/fhir+json' },
      }),
    );
  }

  /**
   * REC-6 and secondary uses: a disclosure of one recording for a purpose to a recipient; a legal matter only for a
   * legal purpose (a secondary purpose needs consent or an anonymised derivative, SEC-1/SEC-3).
   */
  async disclose(id: string, request: { matter?: string; purpose: Purpose; recipient: string }): Promise<void> {
    await this.http.request(`${this.base}/Media/${encodeURIComponent(id)}/$disclose`, {
      method: 'POST',
      json: {
        resourceType: 'Parameters',
        parameter: [
          ...(request.matter
            ? [{ name: 'matter', valueCoding: { system: URLS.csLegalMatter, code: request.matter } }]
            : []),
          { name: 'purpose', valueCoding: purposeCoding(request.purpose) },
          { name: 'recipient', valueString: request.recipient },
        ],
      },
      headers: { 'Content-Type': 'application/fhir+json' },
    });
  }

  /** Where the content streams from (Range requests for seeking). */
  contentUrl(id: string): string {
    return `${this.base}/Binary/${encodeURIComponent(id)}-content`;
  }

  private async operation(id: string, name: string, parameter: unknown): Promise<Recording> {
    return recordingOf(
      await this.http.json<Resource>(`${this.base}/Media/${encodeURIComponent(id)}/${name}`, {
        method: 'POST',
        json: { resourceType: 'Parameters', parameter: parameter === undefined ? [] : [parameter] },
        headers: { 'Content-Type': 'application/fhir+json' },
      }),
    );
  }
}

function purposeToken(purpose: Purpose): string {
  const coding = purposeCoding(purpose);
  return `${coding.system}|${coding.code}`;
}
