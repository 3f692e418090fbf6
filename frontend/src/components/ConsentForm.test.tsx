// SPDX-License-Identifier: MPL-2.0
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createApiClient } from '../api/client';
import { Http } from '../api/http';
import { ApiProvider } from './api-context';
import { ConsentForm } from './ConsentForm';

function setup(birthDate?: string) {
  const posted: any[] = [];
  const fetcher = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
    posted.push(JSON.parse(String(init!.body)));
    return new Response(JSON.stringify({ resourceType: 'Consent', id: 'c1', status: posted[0].status }), {
      status: 201,
      headers: { 'Content-Type': 'application/fhir+json' },
    });
  });
  const api = createApiClient({ host: 'standalone', fhirBase: '/fhir', adminBase: '/admin', hostFhirBase: '/fhir' }, new Http(fetcher as typeof fetch));
  const onDone = vi.fn();
  render(
    <ApiProvider api={api}>
      <ConsentForm patientId="p1" siteId="riverside-surgery" birthDate={birthDate} onDone={onDone} onCancel={() => {}} />
    </ApiProvider>,
  );
  return { posted, onDone };
}

describe('the guided consent form', () => {
  it('records a refusal with one click, as a refused consent (CON-4)', async () => {
    const { posted, onDone } = setup();
    await userEvent.click(screen.getByRole('button', { name: 'Patient refuses' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(posted[0].status).toBe('rejected');
    expect(posted[0].provision.type).toBe('deny');
  });

  it('cannot be completed as given until every CON-2 element and CON-3 attestation is there', async () => {
    const user = userEvent.setup();
    const { posted, onDone } = setup('1980-01-01');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();
    await user.type(screen.getByLabelText('Who will be allowed to see it'), 'The care team');
    await user.type(screen.getByLabelText('Where and how it will be used'), 'Clinical record');
    await user.click(screen.getByLabelText('No'));
    await user.type(screen.getByLabelText('How it will be stored'), 'Encrypted');
    await user.type(screen.getByLabelText('How long it will be kept'), '8 years');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();
    for (const label of ['They may refuse', 'They may withdraw at any time, during or after the recording', 'Refusing will not affect their care']) {
      await user.click(screen.getByLabelText(label));
    }
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();
    await user.click(screen.getByLabelText('They are under no pressure to agree'));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: 'Patient agrees' }));

    await waitFor(() => expect(onDone).toHaveBeenCalledWith(expect.anything(), 'GIVEN'));
    expect(posted[0].status).toBe('active');
    expect(posted[0].performer).toEqual([{ reference: 'Patient/p1' }]);
  });

  it('asks for the competence attestation when a child consents themself (CON-12)', async () => {
    const user = userEvent.setup();
    setup('2016-05-01');
    expect(screen.getByText(/A child under 16 consents themself only when/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();
    await user.click(screen.getByLabelText(/I am satisfied they understand/));
    expect(screen.getByRole('button', { name: 'Next' })).toBeEnabled();
  });

  it('records a parent’s consent for a child by name and relationship (CON-12)', async () => {
    const user = userEvent.setup();
    setup('2016-05-01');
    await user.click(screen.getByLabelText('A person with parental responsibility'));
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();
    await user.type(screen.getByLabelText('Their name'), 'Sarah Clarke');
    await user.type(screen.getByLabelText('Relationship to the patient'), 'Mother');
    expect(screen.getByRole('button', { name: 'Next' })).toBeEnabled();
  });
});
