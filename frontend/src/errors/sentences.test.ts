// SPDX-License-Identifier: MPL-2.0
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { RefusalError } from '../api/refusal';
import { SENTENCES, sentencesOf } from './sentences';

const codeSystem = JSON.parse(
  readFileSync(resolve(__dirname, '../../../fhir-profiles/src/main/fhir/resources/CodeSystem-error-code.json'), 'utf8'),
) as { concept: Array<{ code: string }> };

describe('every refusal is a human sentence', () => {
  it('has a sentence and a next step for every code of the error-code CodeSystem', () => {
    const missing = codeSystem.concept.map((c) => c.code).filter((code) => !SENTENCES[code]);
    expect(missing).toEqual([]);
    for (const concept of codeSystem.concept) {
      expect(SENTENCES[concept.code].sentence.length, concept.code).toBeGreaterThan(20);
      expect(SENTENCES[concept.code].next.length, concept.code).toBeGreaterThan(10);
    }
  });

  it('shows one sentence per rule the server named, never the raw JSON', () => {
    const refusal = new RefusalError(422, [
      { code: 'CON-1', severity: 'error', message: 'No active consent covers TRAINING', path: 'extension[3]' },
      { code: 'STF-1', severity: 'error', message: 'Practitioner/x objects' },
    ]);
    const sentences = sentencesOf(refusal);
    expect(sentences.map((s) => s.code)).toEqual(['CON-1', 'STF-1']);
    expect(sentences[1].next).toContain('another clinician');
    for (const s of sentences) {
      expect(s.sentence + s.next).not.toMatch(/[{}\[\]]/);
    }
  });

  it('says the server could not be reached when nothing answered', () => {
    const [sentence] = sentencesOf(new RefusalError(0, [{ severity: 'error', message: 'x' }]));
    expect(sentence.sentence).toMatch(/could not be reached/);
  });
});
