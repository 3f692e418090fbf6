// SPDX-License-Identifier: MPL-2.0
import { RefusalError, type Issue } from '../api/refusal';

/** What a refusal means for the person in front of the screen, and what they can do about it. */
export interface Sentence {
  /** What happened, in the clinic's words. */
  sentence: string;
  /** What to do next. */
  next: string;
}

/**
 * One human sentence for every rule of the error-code CodeSystem (fhir-profiles), with what to do next. A unit test
 * checks that every code of the CodeSystem has one. Keys are the rule IDs of REQUIREMENTS.md.
 */
export const SENTENCES: Record<string, Sentence> = {
  'CON-1': {
    sentence: 'The patient has not given a recording consent that covers this kind of recording and every purpose chosen.',
    next: 'Record the patient’s consent for this kind and these purposes first, or choose only purposes they agreed to.',
  },
  'CON-2': {
    sentence: 'The consent does not record everything the patient was told.',
    next: 'Fill in every part of “What the patient was told”: purposes, who may see it, where it will be used, copies, storage and how long it is kept.',
  },
  'CON-3': {
    sentence: 'The consent does not confirm that the patient was told they may refuse or withdraw, that their care does not depend on it, and that they were under no pressure.',
    next: 'Tell the patient each of these and tick every confirmation before saving.',
  },
  'CON-4': {
    sentence: 'The patient has refused consent for this purpose, so the recording cannot be made for it.',
    next: 'Do not record for this purpose. Ask again only if the patient raises it themself.',
  },
  'CON-5': {
    sentence: 'The patient withdrew consent during the recording: it was stopped and what was captured is sealed.',
    next: 'Nothing more is needed. Nobody can play, copy or share the sealed recording, and it will be destroyed.',
  },
  'CON-6': {
    sentence: 'The patient withdrew consent after the recording, so it can no longer be used outside what remains agreed.',
    next: 'Use the recording for the patient’s direct care only, or not at all if it was made only for other purposes.',
  },
  'CON-7': {
    sentence: 'The patient has not yet confirmed their consent after the recording, so it serves their direct care only.',
    next: 'Offer the patient the chance to see or hear the recording and ask them to confirm or refuse.',
  },
  'CON-8': {
    sentence: 'The consent decision could not be written into the patient’s record, so nothing was saved.',
    next: 'Try again. If it keeps failing, tell the system administrator.',
  },
  'CON-9': {
    sentence: 'This kind of image is covered by consent to the investigation itself, but using it for anything else needs consent or an anonymised copy.',
    next: 'Ask the patient for consent to the other use, or make an anonymised copy for it.',
  },
  'CON-10': {
    sentence: 'The patient has said they do not want to be recorded.',
    next: 'Do not record. The objection stays until the patient lifts it.',
  },
  'CON-11': {
    sentence: 'Recording only to defend against complaints or litigation is discouraged.',
    next: 'Give the reason for recording for this purpose; it will be kept with the recording.',
  },
  'CON-12': {
    sentence: 'The consent does not say properly who gave it.',
    next: 'Say whether the patient or a person with parental responsibility or other authority consented; for a child consenting themself confirm they understand, and for an adult who lacks capacity record the best-interests decision and who was consulted.',
  },
  'COV-1': {
    sentence: 'A covert recording needs a complete, current authorisation recorded first.',
    next: 'Ask a user privileged to authorise covert recording to record the authorising body, reference, legal basis, justification and period.',
  },
  'COV-2': {
    sentence: 'Only users privileged to authorise covert recording may do this.',
    next: 'Ask a colleague with that privilege.',
  },
  'PAT-1': {
    sentence: 'Patients may record their own consultation for their own use; this is never blocked.',
    next: 'You may note that the patient recorded the consultation.',
  },
  'PAT-2': {
    sentence: 'A recording the patient shares needs the date it was received and how it was obtained.',
    next: 'Fill in when the copy was received and how the patient obtained it.',
  },
  'PAT-3': {
    sentence: 'Filming is not allowed in this area of the site.',
    next: 'Move somewhere filming is allowed, or do not record.',
  },
  'STF-1': {
    sentence: 'A member of staff present has asked not to be recorded.',
    next: 'Find another clinician to be present, or do not record.',
  },
  'STF-2': {
    sentence: 'The recording captures other people who have not consented.',
    next: 'Get their consent or use a copy with them removed before sharing it outside direct care.',
  },
  'TEL-1': {
    sentence: 'Telephone recording is a site-wide setting; the calls of one caller cannot be singled out.',
    next: 'Leave call recording to the site’s setting.',
  },
  'TEL-2': {
    sentence: 'Callers have not been told how calls are recorded, so telephone recording cannot be switched on yet.',
    next: 'An administrator records how callers are told (recorded message, leaflet, poster or website) with the date it started.',
  },
  'TEL-3': {
    sentence: 'This call needs an explicit recording notice at its start.',
    next: 'Tell the caller the call is recorded and record that the notice was given.',
  },
  'TEL-4': {
    sentence: 'This purpose is not one the site declared for call recording.',
    next: 'Choose one of the site’s declared purposes, or ask an administrator to declare this one.',
  },
  'REC-1': {
    sentence: 'A recording is part of the clinical record and cannot be deleted.',
    next: 'If it was made in error, void it with a reason instead.',
  },
  'REC-2': {
    sentence: 'How long the recording is kept comes from the site’s retention schedule.',
    next: 'Ask an administrator to check the site’s jurisdiction and record class.',
  },
  'REC-3': {
    sentence: 'A recording does not replace the clinical note, and this encounter has none yet.',
    next: 'Write the contemporaneous note for the encounter, then complete the recording.',
  },
  'REC-4': {
    sentence: 'The recording cannot be disposed of before its retention ends.',
    next: 'Leave it until its retention end date.',
  },
  'REC-5': {
    sentence: 'The recording is under legal hold.',
    next: 'Nothing held can be disposed of until the records manager lifts the hold.',
  },
  'REC-6': {
    sentence: 'A disclosure must produce the recording in full, with its metadata, consent history and audit trail.',
    next: 'Ask the records manager to produce the full disclosure package.',
  },
  'REC-7': {
    sentence: 'This is part of a subject access request.',
    next: 'The records manager produces the patient’s recordings for them.',
  },
  'SEC-1': {
    sentence: 'Using the recording for this purpose needs the patient’s consent or an anonymised copy.',
    next: 'Ask the patient for consent to this purpose, or request an anonymised copy instead.',
  },
  'SEC-2': {
    sentence: 'This use is outside what the patient agreed to.',
    next: 'Ask the patient for further consent before using it this way.',
  },
  'SEC-3': {
    sentence: 'An anonymised copy must be linked to the recording it was made from.',
    next: 'Make the anonymised copy from the recording itself.',
  },
  'SAF-1': {
    sentence: 'The recording failed its integrity check and was not shown.',
    next: 'Tell the system administrator: the stored content may have been damaged or changed.',
  },
  'SAF-2': {
    sentence: 'The access could not be written to the audit trail, so it was not allowed.',
    next: 'Try again later. If it keeps failing, tell the system administrator.',
  },
  'SAF-3': {
    sentence: 'You do not have the permission this needs, or you are not signed in.',
    next: 'Sign in again, or ask a colleague with the right role.',
  },
  'SAF-4': {
    sentence: 'Something in what was sent is not right.',
    next: 'Check the highlighted fields and try again.',
  },
  'POL-1': {
    sentence: 'The site’s recording policy does not allow this.',
    next: 'Check the site’s policy or ask an administrator.',
  },
  'POL-2': {
    sentence: 'The site’s policy has changed since this was prepared.',
    next: 'Reload and try again under the current policy.',
  },
  'LIF-1': {
    sentence: 'The recording is no longer in a state that allows this.',
    next: 'Reload the recording to see where it stands.',
  },
  'NF-1': {
    sentence: 'What this refers to could not be found.',
    next: 'Reload the page; it may have been changed or removed from view.',
  },
  'VER-1': {
    sentence: 'Someone else changed this while you were working on it.',
    next: 'Reload to see their change, then make yours again.',
  },
};

const UNKNOWN: Sentence = {
  sentence: 'The server could not do this.',
  next: 'Try again. If it keeps failing, tell the system administrator.',
};

const UNREACHABLE: Sentence = {
  sentence: 'The server could not be reached.',
  next: 'Check the network connection and try again; nothing already acknowledged is lost.',
};

/** The sentence for one issue: its rule's, or a general one naming no JSON. */
export function sentenceFor(issue: Issue, status?: number): Sentence {
  if (issue.code && SENTENCES[issue.code]) {
    return SENTENCES[issue.code];
  }
  return status === 0 ? UNREACHABLE : UNKNOWN;
}

/** The distinct sentences of a refusal, one per rule, in the server's order. */
export function sentencesOf(error: unknown): Array<Sentence & { code?: string; detail?: string; path?: string }> {
  if (error instanceof RefusalError) {
    const seen = new Set<string>();
    const out: Array<Sentence & { code?: string; detail?: string; path?: string }> = [];
    for (const issue of error.issues) {
      const key = `${issue.code ?? ''}|${issue.path ?? ''}`;
      if (seen.has(key)) {
        continue;
      }
      seen.add(key);
      out.push({ ...sentenceFor(issue, error.status), code: issue.code, detail: issue.message, path: issue.path });
    }
    return out.length > 0 ? out : [{ ...UNKNOWN }];
  }
  return [{ ...UNKNOWN, detail: error instanceof Error ? error.message : undefined }];
}
