// SPDX-License-Identifier: MPL-2.0
import type { Http } from './http';
import { idOf, type Bundle } from './recordings';

/** A patient as the pages show them. */
export interface PatientSummary {
  id: string;
  name: string;
  identifier?: string;
  birthDate?: string;
  gender?: string;
  deceased?: boolean;
}

export interface EncounterSummary {
  id: string;
  start?: string;
  description?: string;
  siteId?: string;
}

export interface NoteSummary {
  id: string;
  encounterId?: string;
  date?: string;
  text: string;
}

/**
 * What the host knows that the module does not keep: patients, encounters and the contemporaneous notes (REC-3).
 * The standalone server answers through FHIR; inside OpenMRS without a FHIR module, patients are found through
 * OpenMRS' REST API.
 */
export interface HostDirectory {
  searchPatients(query: string): Promise<PatientSummary[]>;
  patient(id: string): Promise<PatientSummary>;
  encounters(patientId: string): Promise<EncounterSummary[]>;
  notes(patientId: string): Promise<NoteSummary[]>;
  /** Whether notes can be written from these pages (else the host's own note form is used). */
  readonly canWriteNotes: boolean;
  addNote(patientId: string, encounterId: string, text: string): Promise<void>;
}

type Resource = Record<string, any>;

const NOTE_LOINC = '34109-9';

function patientOf(p: Resource): PatientSummary {
  const name = p.name?.[0];
  const display = name?.text ?? [...(name?.given ?? []), name?.family].filter(Boolean).join(' ');
  return {
    id: p.id,
    name: display || p.id,
    identifier: p.identifier?.[0]?.value,
    birthDate: p.birthDate,
    gender: p.gender,
    deceased: Boolean(p.deceasedDateTime ?? p.deceasedBoolean),
  };
}

function decodeBase64Utf8(data: string): string {
  const binary = atob(data);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

function encodeBase64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  bytes.forEach((b) => (binary += String.fromCharCode(b)));
  return btoa(binary);
}

/** The host's data through FHIR R4 (the standalone server's /fhir, or a host FHIR module). */
export class FhirHostDirectory implements HostDirectory {
  readonly canWriteNotes = true;

  constructor(
    private readonly http: Http,
    private readonly base: string,
  ) {}

  async searchPatients(query: string): Promise<PatientSummary[]> {
    const q = query.trim();
    const byIdentifier = /\d/.test(q);
    const param = byIdentifier ? `identifier=${encodeURIComponent(q)}` : `name=${encodeURIComponent(q)}`;
    const bundle = await this.http.json<Bundle>(`${this.base}/Patient?${param}&_count=20`);
    return (bundle.entry ?? []).map((e) => patientOf(e.resource!));
  }

  async patient(id: string): Promise<PatientSummary> {
    return patientOf(await this.http.json<Resource>(`${this.base}/Patient/${encodeURIComponent(id)}`));
  }

  async encounters(patientId: string): Promise<EncounterSummary[]> {
    const bundle = await this.http.json<Bundle>(`${this.base}/Encounter?patient=${encodeURIComponent(patientId)}&_count=50`);
    return (bundle.entry ?? []).map((e) => {
      const r = e.resource!;
      return {
        id: r.id!,
        start: r.period?.start,
        description: r.type?.[0]?.text,
        siteId: idOf(r.location?.[0]?.location?.reference),
      };
    });
  }

  async notes(patientId: string): Promise<NoteSummary[]> {
    const bundle = await this.http.json<Bundle>(`${this.base}/DocumentReference?patient=${encodeURIComponent(patientId)}&_count=100`);
    return (bundle.entry ?? []).map((e) => {
      const r = e.resource!;
      const data = r.content?.[0]?.attachment?.data as string | undefined;
      return {
        id: r.id!,
        encounterId: idOf(r.context?.encounter?.[0]?.reference),
        date: r.date,
        text: data ? decodeBase64Utf8(data) : '',
      };
    });
  }

  async addNote(patientId: string, encounterId: string, text: string): Promise<void> {
    await this.http.request(`${this.base}/DocumentReference`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/fhir+json' },
      json: {
        resourceType: 'DocumentReference',
        status: 'current',
        type: { coding: [{ system: 'http://loinc.org', code: NOTE_LOINC }] },
        subject: { reference: `Patient/${patientId}` },
        context: { encounter: [{ reference: `Encounter/${encounterId}` }] },
        content: [{ attachment: { contentType: 'text/plain;charset=utf-8', data: encodeBase64Utf8(text) } }],
      },
    });
  }
}

/** Patients and visits through OpenMRS' REST API (inside OpenMRS without a FHIR module). */
export class OpenmrsRestHostDirectory implements HostDirectory {
  readonly canWriteNotes = false;

  constructor(
    private readonly http: Http,
    private readonly base: string,
  ) {}

  async searchPatients(query: string): Promise<PatientSummary[]> {
    const body = await this.http.json<{ results: Resource[] }>(
      `${this.base}/patient?q=${encodeURIComponent(query.trim())}&v=custom:(uuid,display,person:(gender,birthdate,dead),identifiers:(identifier))`,
    );
    return body.results.map((p) => this.summary(p));
  }

  async patient(id: string): Promise<PatientSummary> {
    return this.summary(
      await this.http.json<Resource>(
        `${this.base}/patient/${encodeURIComponent(id)}?v=custom:(uuid,display,person:(gender,birthdate,dead),identifiers:(identifier))`,
      ),
    );
  }

  async encounters(patientId: string): Promise<EncounterSummary[]> {
    const body = await this.http.json<{ results: Resource[] }>(
      `${this.base}/encounter?patient=${encodeURIComponent(patientId)}&v=custom:(uuid,encounterDatetime,encounterType:(display),location:(uuid))`,
    );
    return body.results.map((e) => ({
      id: e.uuid,
      start: e.encounterDatetime,
      description: e.encounterType?.display,
      siteId: e.location?.uuid,
    }));
  }

  async notes(): Promise<NoteSummary[]> {
    return [];
  }

  async addNote(): Promise<void> {
    throw new Error('Write the note in the patient chart');
  }

  private summary(p: Resource): PatientSummary {
    const display: string = p.display ?? p.uuid;
    return {
      id: p.uuid,
      name: display.includes(' - ') ? display.split(' - ').slice(1).join(' - ') : display,
      identifier: p.identifiers?.[0]?.identifier,
      birthDate: p.person?.birthdate?.slice(0, 10),
      gender: p.person?.gender,
      deceased: Boolean(p.person?.dead),
    };
  }
}
