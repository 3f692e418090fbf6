// SPDX-License-Identifier: MPL-2.0
import { defineConfigSchema } from '@openmrs/esm-framework';
import { clientFor, configSchema, privilegesOf, startupApp } from './index';

// What rspack resolves at build time: the lazy translation files.
vi.mock('./o3/translations', () => ({ importTranslation: 'translations' }));

vi.mock('@openmrs/esm-framework', async (importOriginal) => {
  const framework = await importOriginal<Record<string, unknown>>();
  return {
    ...framework,
    defineConfigSchema: vi.fn(),
    getSyncLifecycle: vi.fn((component: unknown) => component),
    getAsyncLifecycle: vi.fn((load: unknown) => load),
    createDashboard: vi.fn(() => () => null),
  };
});

describe('the O3 entry point', () => {
  it('declares its configuration schema at start-up', () => {
    startupApp();
    expect(defineConfigSchema).toHaveBeenCalledWith('@openmrs/esm-patient-recordings-app', configSchema);
  });

  it('talks to the module under OpenMRS’ context path', () => {
    window.openmrsBase = '/openmrs';
    const api = clientFor({ fhirBase: '/ws/patientrecordings/fhir/R4', adminBase: '/ws/patientrecordings/admin', hostFhirBase: '', defaultSite: '' });
    expect(api.config.fhirBase).toBe('/openmrs/ws/patientrecordings/fhir/R4');
    expect(api.config.hostRestBase).toBe('/openmrs/ws/rest/v1');
    expect(api.host.canWriteNotes).toBe(false);
  });

  it('maps the OpenMRS user’s privileges to the module’s', () => {
    const session = privilegesOf({ user: { uuid: 'u', privileges: [{ display: 'Patient Recordings: View Recordings' }, { display: 'Edit Patients' }], roles: [] } });
    expect(session?.privileges).toEqual(['VIEW_RECORDINGS']);
    expect(privilegesOf({ user: { uuid: 'u', roles: [{ display: 'System Developer' }] } })?.privileges).toHaveLength(9);
  });

  it('adds the dashboard, its link and the summary widget to the patient chart', async () => {
    const routes = (await import('./routes.json')).default;
    expect(routes.extensions.map((e: { slot: string }) => e.slot)).toEqual([
      'patient-chart-dashboard-slot',
      'patient-chart-recordings-dashboard-slot',
      'patient-chart-summary-dashboard-slot',
    ]);
    const entry = await import('./index');
    for (const e of routes.extensions) {
      expect(entry[e.component as keyof typeof entry], e.component).toBeDefined();
    }
  });
});
