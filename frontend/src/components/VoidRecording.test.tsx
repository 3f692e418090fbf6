// SPDX-License-Identifier: MPL-2.0
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createApiClient } from '../api/client';
import { Http } from '../api/http';
import type { Recording } from '../api/recordings';
import { ApiProvider } from './api-context';
import { RecordingsTable } from './RecordingsTable';
import { VoidRecording } from './VoidRecording';

const RECORDING: Recording = { id: 'm1', kind: 'CONSULTATION', status: 'completed', purposes: ['DIRECT_CARE'], start: '2026-03-03T14:00:00Z' };

function setup(answer: () => Response) {
  const asked: Array<{ url: string; body: any }> = [];
  const fetcher = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    asked.push({ url: String(url), body: JSON.parse(String(init!.body)) });
    return answer();
  });
  const api = createApiClient({ host: 'standalone', fhirBase: '/fhir', adminBase: '/admin', hostFhirBase: '/fhir' }, new Http(fetcher as typeof fetch));
  const onDone = vi.fn();
  render(
    <ApiProvider api={api}>
      <VoidRecording recording={RECORDING} onDone={onDone} onCancel={() => {}} />
    </ApiProvider>,
  );
  return { asked, onDone };
}

const fhir = (body: unknown, status: number) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/fhir+json' } });

describe('voiding a recording made in error (REC-1)', () => {
  it('asks for the reason before anything is sent, then voids with it', async () => {
    const { asked, onDone } = setup(() => fhir({ resourceType: 'Media', id: 'm1', status: 'entered-in-error' }, 200));
    await userEvent.click(screen.getByRole('button', { name: 'Void this recording' }));
    expect(screen.getByText('Required')).toBeInTheDocument();
    expect(asked).toEqual([]);

    await userEvent.type(screen.getByLabelText(/Why it was made in error/), 'Recorded for the wrong patient');
    await userEvent.click(screen.getByRole('button', { name: 'Void this recording' }));

    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(asked[0].url).toBe('/fhir/Media/m1/$void');
    expect(asked[0].body.parameter).toEqual([{ name: 'reason', valueString: 'Recorded for the wrong patient' }]);
  });

  it('shows the server’s refusal in words and stays open', async () => {
    const { onDone } = setup(() =>
      fhir(
        {
          resourceType: 'OperationOutcome',
          issue: [{ severity: 'error', code: 'forbidden', details: { coding: [{ system: 'https://fhir.openmrs.org/patientrecordings/CodeSystem/error-code', code: 'SAF-3' }], text: 'Demo Clinician (clinician) lacks MANAGE_RECORDS' } }],
        },
        403,
      ),
    );
    await userEvent.type(screen.getByLabelText(/Why it was made in error/), 'Wrong patient');
    await userEvent.click(screen.getByRole('button', { name: 'Void this recording' }));
    expect(await screen.findByText('You do not have the permission this needs, or you are not signed in.')).toBeInTheDocument();
    expect(screen.getByText(/\(SAF-3\)/)).toBeInTheDocument();
    expect(onDone).not.toHaveBeenCalled();
  });

  it('is offered in the recordings table only to those who may void, and never for a voided recording', () => {
    const voided = { ...RECORDING, id: 'm2', status: 'entered-in-error' };
    const { rerender } = render(<RecordingsTable recordings={[RECORDING, voided]} notes={[]} onReview={() => {}} />);
    expect(screen.queryByRole('button', { name: 'Void' })).not.toBeInTheDocument();
    rerender(<RecordingsTable recordings={[RECORDING, voided]} notes={[]} onReview={() => {}} onVoid={() => {}} />);
    expect(screen.getAllByRole('button', { name: 'Void' })).toHaveLength(1);
  });
});
