// SPDX-License-Identifier: MPL-2.0
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createApiClient } from '../api/client';
import { Http } from '../api/http';
import { ApiProvider } from '../components/api-context';
import { AdminPages } from './AdminPages';
import { auditCsv, auditRowOf } from './AuditPage';
import { RetentionPage, ruleText } from './RetentionPage';
import { REGISTERS, registerEntryBody } from './RegistersPage';
import { siteLabel } from './SitePolicyPage';
import { DEFAULT_POLICY, PolicyAdminApi, policyPath } from '../api/admin';

describe('the administration pages’ pieces', () => {
  it('reads an audit entry as who, what, when, why and outcome', () => {
    const row = auditRowOf({
      id: '42',
      recorded: '2026-03-03T14:02:11Z',
      outcome: '4',
      purposeOfEvent: [{ coding: [{ code: 'TREAT' }] }],
      agent: [{ requestor: true, who: { reference: 'Practitioner/u1', display: 'Dr Sam Clinician' } }],
      entity: [
        { what: { reference: 'Patient/p1' } },
        { what: { reference: 'Media/m1' }, description: 'action PLAY; refused under SAF-3' },
      ],
    });
    expect(row).toEqual({
      sequence: '42',
      when: '2026-03-03T14:02:11Z',
      who: 'Dr Sam Clinician',
      what: 'action PLAY; refused under SAF-3',
      patient: 'p1',
      recording: 'm1',
      why: 'TREAT',
      outcome: 'Refused',
    });
  });

  it('writes the audit trail as CSV, quoting what needs it', () => {
    const csv = auditCsv([
      { sequence: '1', when: 'w', who: 'Dr "Sam", GP', what: 'x', patient: 'p', recording: 'm', why: 'TREAT', outcome: 'Success' },
    ]);
    expect(csv).toBe('sequence,when,who,what,patient,recording,why,outcome\r\n1,w,"Dr ""Sam"", GP",x,p,m,TREAT,Success\r\n');
  });

  it('names each site with its own policy version, or as following the server’s default (POL-1)', () => {
    const follows = (version: number) => `follows the default policy, version ${version}`;
    expect(siteLabel({ site: 'riverside', name: 'Riverside Surgery', followsDefault: false, version: 3 }, follows)).toBe(
      'Riverside Surgery (riverside) (v3)',
    );
    expect(siteLabel({ site: 'hilltop', name: 'Hilltop Clinic', followsDefault: true, version: 0, defaultVersion: 2 }, follows)).toBe(
      'Hilltop Clinic (hilltop) – follows the default policy, version 2',
    );
    expect(siteLabel({ site: 'old-site', version: 1 }, follows)).toBe('old-site (v1)');
  });

  it('edits the server’s default policy through /default-policy, and a site’s through its own path (POL-1, POL-2)', async () => {
    expect(policyPath('/admin', DEFAULT_POLICY)).toBe('/admin/default-policy');
    expect(policyPath('/admin', 'site/1')).toBe('/admin/sites/site%2F1/policy');
    const asked: Array<{ url: string; method: string; ifMatch?: string }> = [];
    const fetcher = async (url: RequestInfo | URL, init?: RequestInit) => {
      const headers = new Headers(init?.headers);
      asked.push({ url: String(url), method: init?.method ?? 'GET', ifMatch: headers.get('If-Match') ?? undefined });
      const body = String(url).includes('/versions') ? { versions: [] } : String(url).includes('/diff') ? { changes: [] } : { version: 2, default: true };
      return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json', ETag: '"2"' } });
    };
    const api = createApiClient({ host: 'standalone', fhirBase: '/fhir', adminBase: '/admin', hostFhirBase: '/fhir' }, new Http(fetcher as typeof fetch));
    const policies = new PolicyAdminApi(api.admin);

    await api.admin.policy(DEFAULT_POLICY);
    await policies.versions(DEFAULT_POLICY);
    await policies.diff(DEFAULT_POLICY, 1, 2);
    const saved = await policies.save(DEFAULT_POLICY, { allowedKinds: [] }, '"1"');

    expect(asked.map((a) => `${a.method} ${a.url}`)).toEqual([
      'GET /admin/default-policy',
      'GET /admin/default-policy/versions',
      'GET /admin/default-policy/diff?from=1&to=2',
      'PUT /admin/default-policy',
    ]);
    expect(asked[3].ifMatch).toBe('"1"');
    expect(saved.etag).toBe('"2"');
  });

  it('says retention rules in words (REC-2)', () => {
    expect(ruleText({ rule: 'yearsAfterLastTreatment', years: 8 })).toBe('8 years after the last treatment');
    expect(ruleText({ rule: 'latestOf', of: [{ rule: 'untilBirthday', birthday: 25 }, { rule: 'yearsAfterDeath', years: 10 }] })).toBe(
      'the latest of: until the 25th birthday; 10 years after death',
    );
  });

  it('says which privilege a page needs instead of showing it (SAF-3)', () => {
    const api = createApiClient({ host: 'standalone', fhirBase: '/fhir', adminBase: '/admin', hostFhirBase: '/fhir' }, new Http(vi.fn() as unknown as typeof fetch));
    render(
      <ApiProvider api={api} session={{ user: { id: 'u' }, privileges: ['MANAGE_RECORDS'] }}>
        <AdminPages section="audit" onSection={() => {}} />
      </ApiProvider>,
    );
    expect(screen.getByRole('status')).toHaveTextContent('This page needs one of these privileges, which you do not have: view audit.');
    expect(screen.queryByRole('button', { name: 'Verify the hash chain' })).not.toBeInTheDocument();
  });

  it('sends a covert authorisation with every COV-1 element, yes/no as a boolean and its dates as instants', () => {
    const covert = REGISTERS.find((r) => r.id === 'covert-authorisations')!;
    expect(covert.add!.fields.filter((f) => f.required).map((f) => f.name)).toEqual([
      'patient',
      'authorisingBody',
      'reference',
      'legalBasis',
      'justification',
      'noOtherMeans',
      'validFrom',
      'validUntil',
    ]);
    const body = registerEntryBody(covert.add!.fields, {
      patient: ' p1 ',
      authorisingBody: 'Chief Constable',
      reference: 'RIPA-2026-014',
      legalBasis: 'Regulation of Investigatory Powers Act 2000',
      justification: 'PROTECT_FROM_SERIOUS_HARM',
      noOtherMeans: 'false',
      validFrom: '2026-12-05',
      validUntil: '',
    });
    expect(body).toEqual({
      patient: 'p1',
      authorisingBody: 'Chief Constable',
      reference: 'RIPA-2026-014',
      legalBasis: 'Regulation of Investigatory Powers Act 2000',
      justification: 'PROTECT_FROM_SERIOUS_HARM',
      noOtherMeans: false,
      validFrom: '2026-12-05T00:00:00Z',
    });
  });

  describe('the retention schedules page (REC-2)', () => {
    const england = (version: number, years: number) => ({
      jurisdiction: 'ENGLAND',
      version,
      shipped: version === 0,
      classes: { GENERAL: { rule: 'yearsAfterLastTreatment', years }, MATERNITY: { rule: 'untilBirthday', birthday: 25 } },
    });

    function serve(answers: Array<(url: string, init?: RequestInit) => Response | undefined>) {
      const asked: Array<{ method: string; url: string; ifMatch?: string; body?: unknown }> = [];
      const fetcher = async (url: RequestInfo | URL, init?: RequestInit) => {
        const headers = new Headers(init?.headers);
        asked.push({ method: init?.method ?? 'GET', url: String(url), ifMatch: headers.get('If-Match') ?? undefined, body: init?.body ? JSON.parse(String(init.body)) : undefined });
        for (const answer of answers) {
          const response = answer(String(url), init);
          if (response) return response;
        }
        throw new Error(`unexpected ${init?.method ?? 'GET'} ${url}`);
      };
      const api = createApiClient({ host: 'standalone', fhirBase: '/fhir', adminBase: '/admin', hostFhirBase: '/fhir' }, new Http(fetcher as typeof fetch));
      return { api, asked };
    }
    const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

    it('changes one record class’s rule as the next version, with the version it was made from', async () => {
      let current = england(0, 8);
      const { api, asked } = serve([
        (_url, init) => (init?.method === 'PUT' ? ((current = england(1, 10)), json(current)) : undefined),
        (url) => (url === '/admin/retention-schedules' ? json({ retentionSchedules: [current] }) : undefined),
      ]);
      render(
        <ApiProvider api={api} session={{ user: { id: 'u' }, privileges: ['MANAGE_POLICY'] }}>
          <RetentionPage />
        </ApiProvider>,
      );
      await userEvent.click(await screen.findByRole('button', { name: 'Change the rule for General health record' }));
      const years = screen.getByLabelText('Years');
      await userEvent.clear(years);
      await userEvent.type(years, '10');
      expect(screen.getByText('Reads as: 10 years after the last treatment')).toBeInTheDocument();
      await userEvent.click(screen.getByRole('button', { name: 'Save as the next version' }));

      expect(await screen.findByText(/the England schedule is now version 1/)).toBeInTheDocument();
      const put = asked.find((a) => a.method === 'PUT')!;
      expect(put.url).toBe('/admin/retention-schedules/ENGLAND/classes/GENERAL');
      expect(put.ifMatch).toBe('"0"');
      expect(put.body).toEqual({ rule: 'yearsAfterLastTreatment', years: 10 });
      expect(await screen.findByText('10 years after the last treatment')).toBeInTheDocument();
    });

    it('shows the server’s reason beside the field it is about, inside a composite rule', async () => {
      const { api } = serve([
        (_url, init) =>
          init?.method === 'PUT'
            ? json({ issues: [{ code: 'REC-2', severity: 'error', message: 'a whole number of years is required', path: '.of[1].years' }] }, 422)
            : undefined,
        () => json({ retentionSchedules: [england(0, 8)] }),
      ]);
      render(
        <ApiProvider api={api} session={{ user: { id: 'u' }, privileges: ['MANAGE_POLICY'] }}>
          <RetentionPage />
        </ApiProvider>,
      );
      await userEvent.click(await screen.findByRole('button', { name: 'Change the rule for General health record' }));
      await userEvent.selectOptions(screen.getByLabelText('Kept'), 'latestOf');
      await userEvent.click(screen.getByRole('button', { name: 'Add a rule' }));
      const second = screen.getAllByTestId('rule-editor')[2];
      const years = within(second).getByLabelText('Years');
      await userEvent.clear(years);
      await userEvent.type(years, 'ten');
      await userEvent.click(screen.getByRole('button', { name: 'Save as the next version' }));

      expect(await within(second).findByText('a whole number of years is required (REC-2)')).toBeInTheDocument();
      expect(within(screen.getAllByTestId('rule-editor')[1]).queryByText(/whole number/)).not.toBeInTheDocument();
    });

    it('says when someone else changed the schedule meanwhile, and what is now in force (VER-1)', async () => {
      let current = england(0, 8);
      const { api } = serve([
        (_url, init) =>
          init?.method === 'PUT'
            ? ((current = england(1, 12)), json({ issues: [{ code: 'VER-1', severity: 'error', message: 'The retention schedule of ENGLAND is at version 1, not 0', path: 'version' }] }, 412))
            : undefined,
        () => json({ retentionSchedules: [current] }),
      ]);
      render(
        <ApiProvider api={api} session={{ user: { id: 'u' }, privileges: ['MANAGE_POLICY'] }}>
          <RetentionPage />
        </ApiProvider>,
      );
      await userEvent.click(await screen.findByRole('button', { name: 'Change the rule for General health record' }));
      await userEvent.click(screen.getByRole('button', { name: 'Save as the next version' }));
      expect(await screen.findByText(/Someone changed this schedule since you opened it. Now in force for this class: 12 years after the last treatment/)).toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Save as the next version' })).toBeInTheDocument();
    });

    it('lets a records manager read the schedules but not change them (SAF-3)', async () => {
      const { api } = serve([() => json({ retentionSchedules: [england(0, 8)] })]);
      render(
        <ApiProvider api={api} session={{ user: { id: 'u' }, privileges: ['MANAGE_RECORDS'] }}>
          <RetentionPage />
        </ApiProvider>,
      );
      expect(await screen.findByText('8 years after the last treatment')).toBeInTheDocument();
      expect(screen.getByText(/Changing a retention schedule needs the Manage Policy privilege/)).toBeInTheDocument();
      expect(screen.queryByRole('button', { name: /Change the rule/ })).not.toBeInTheDocument();
    });
  });
});
