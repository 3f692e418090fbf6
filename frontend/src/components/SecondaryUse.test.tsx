// SPDX-License-Identifier: MPL-2.0
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createApiClient } from '../api/client';
import { Http } from '../api/http';
import type { Recording } from '../api/recordings';
import { ApiProvider } from './api-context';
import { SecondaryUse } from './SecondaryUse';

const SOURCE: Recording = { id: 'm1', kind: 'CONSULTATION', status: 'completed', purposes: ['DIRECT_CARE'] };

describe('a de-identified copy for another use (SEC-3)', () => {
  it('is made at the level chosen, with what was done, and completed with its uploaded content', async () => {
    const asked: Array<{ url: string; init?: RequestInit }> = [];
    const fetcher = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
      asked.push({ url: String(url), init });
      const headers = { 'Content-Type': 'application/fhir+json' };
      if (String(url).endsWith('$anonymised-derivative')) return new Response(JSON.stringify({ resourceType: 'Media', id: 'd1', status: 'in-progress' }), { status: 201, headers });
      if (String(url).endsWith('$binary-access-write')) return new Response('{"resourceType":"Media"}', { status: 200, headers: { ...headers, 'Upload-Offset': '5' } });
      return new Response(JSON.stringify({ resourceType: 'Media', id: 'd1', status: 'completed' }), { status: 200, headers });
    });
    const api = createApiClient({ host: 'standalone', fhirBase: '/fhir', adminBase: '/admin', hostFhirBase: '/fhir' }, new Http(fetcher as typeof fetch));
    const onDone = vi.fn();
    render(
      <ApiProvider api={api}>
        <SecondaryUse recording={SOURCE} onDone={onDone} onCancel={() => {}} />
      </ApiProvider>,
    );
    const user = userEvent.setup();
    expect(screen.getByRole('button', { name: 'Request this use' })).toBeDisabled();
    await user.selectOptions(screen.getByLabelText('How it is de-identified'), 'MASKED');
    await user.type(screen.getByLabelText(/What was done/), 'Names bleeped');
    await user.click(screen.getByRole('button', { name: 'Request this use' }));

    await screen.findByRole('heading', { name: 'The de-identified copy' });
    const started = JSON.parse(String(asked[0].init!.body));
    expect(asked[0].url).toBe('/fhir/Media/m1/$anonymised-derivative');
    expect(started.parameter).toEqual(
      expect.arrayContaining([
        { name: 'deIdentification', valueCoding: expect.objectContaining({ code: 'MASKED' }) },
        { name: 'method', valueString: 'Names bleeped' },
      ]),
    );
    expect(screen.getByRole('button', { name: 'Upload and complete the copy' })).toBeDisabled();

    await user.upload(screen.getByLabelText(/The de-identified content/), new File(['12345'], 'copy.webm', { type: 'video/webm' }));
    await user.click(screen.getByRole('button', { name: 'Upload and complete the copy' }));

    expect(await screen.findByText(/The de-identified copy is complete and can be used for training/)).toBeInTheDocument();
    expect(asked.map((a) => a.url)).toEqual(['/fhir/Media/m1/$anonymised-derivative', '/fhir/Media/d1/$binary-access-write', '/fhir/Media/d1/$complete']);
    expect(new Headers(asked[1].init!.headers).get('Content-Range')).toBe('bytes 0-4/5');
    await waitFor(() => expect(onDone).not.toHaveBeenCalled());
  });
});
