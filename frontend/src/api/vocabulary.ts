// SPDX-License-Identifier: MPL-2.0
import { URLS } from './urls';

/** Recording kinds (REQUIREMENTS.md vocabulary); the implicit-consent kinds need no separate consent (CON-9). */
export const KINDS = [
  'CONSULTATION',
  'PROCEDURE',
  'TELEPHONE',
  'CLINICAL_PHOTO',
  'INTERNAL_IMAGING',
  'PATHOLOGY_SLIDE',
  'ENDOSCOPY',
  'ORGAN_FUNCTION',
  'ULTRASOUND',
  'XRAY',
] as const;
export type Kind = (typeof KINDS)[number];

export const IMPLICIT_KINDS: ReadonlySet<string> = new Set([
  'INTERNAL_IMAGING',
  'PATHOLOGY_SLIDE',
  'ENDOSCOPY',
  'ORGAN_FUNCTION',
  'ULTRASOUND',
  'XRAY',
]);

/** Purposes; all but DIRECT_CARE and PATIENT_OWN_USE are secondary uses. */
export const PURPOSES = ['DIRECT_CARE', 'PATIENT_OWN_USE', 'TRAINING', 'RESEARCH', 'AUDIT', 'QUALITY', 'DEFENCE'] as const;
export type Purpose = string;

export const SECONDARY_PURPOSES = ['TRAINING', 'RESEARCH', 'AUDIT', 'QUALITY'] as const;

/** The v3 ActReason code the server uses for a purpose where HL7 has one (fhir.PurposeCodes). */
const HL7_PURPOSE: Record<string, string> = {
  DIRECT_CARE: 'TREAT',
  TRAINING: 'TRAIN',
  RESEARCH: 'HRESCH',
  QUALITY: 'HQUALIMP',
  LEGAL: 'HLEGAL',
};

export interface Coding {
  system?: string;
  code?: string;
  display?: string;
}

export function purposeCoding(purpose: Purpose): Coding {
  const hl7 = HL7_PURPOSE[purpose];
  return hl7 ? { system: URLS.actReason, code: hl7 } : { system: URLS.csPurpose, code: purpose };
}

export function purposeOf(coding: Coding | undefined): Purpose | undefined {
  if (!coding?.code) {
    return undefined;
  }
  if (coding.system === URLS.actReason) {
    return Object.entries(HL7_PURPOSE).find(([, code]) => code === coding.code)?.[0] ?? coding.code;
  }
  return coding.code;
}

/** FHIR Media.type: what the media type of a content type is. */
export function mediaTypeOf(contentType: string): 'audio' | 'video' | 'image' {
  if (contentType.startsWith('video/')) {
    return 'video';
  }
  if (contentType.startsWith('image/')) {
    return 'image';
  }
  return 'audio';
}

/** A content type without its parameters (MediaRecorder says "video/webm;codecs=vp8,opus"). */
export function baseContentType(contentType: string): string {
  return contentType.split(';')[0].trim().toLowerCase();
}
