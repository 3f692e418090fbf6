// SPDX-License-Identifier: MPL-2.0
/**
 * The O3 frontend module's entry point: the only file that imports the framework. It declares the configuration
 * schema, and wraps the framework-free components with what the patient chart provides (the patient's id, the
 * configuration, the OpenMRS session's privileges).
 */
import React from 'react';
import {
  defineConfigSchema,
  getSyncLifecycle,
  createDashboard,
  Type,
  useConfig,
  useSession,
} from '@openmrs/esm-framework';
import { createApiClient, type ApiClient } from './api/client';
import { OPENMRS_PRIVILEGE_NAMES, type SignedIn } from './api/session';
import { ApiProvider } from './components/api-context';

const moduleName = '@openmrs/esm-patient-recordings-app';

const options = { featureName: 'patient-recordings', moduleName };

export { importTranslation } from './o3/translations';

export const configSchema = {
  fhirBase: {
    _type: Type.String,
    _default: '/ws/patientrecordings/fhir/R4',
    _description: 'The module’s FHIR R4 base, below the OpenMRS context path',
  },
  adminBase: {
    _type: Type.String,
    _default: '/ws/patientrecordings/admin',
    _description: 'The module’s administration API, below the OpenMRS context path',
  },
  hostFhirBase: {
    _type: Type.String,
    _default: '',
    _description: 'A FHIR R4 base for patients, encounters and notes (e.g. /ws/fhir2/R4); empty to use the REST API',
  },
  defaultSite: {
    _type: Type.String,
    _default: '',
    _description: 'The Location uuid recordings are made at when the encounter names none',
  },
};

export interface RecordingsConfig {
  fhirBase: string;
  adminBase: string;
  hostFhirBase: string;
  defaultSite: string;
}

export function startupApp() {
  defineConfigSchema(moduleName, configSchema);
}

/** The client over this server's paths, under OpenMRS' context path (window.openmrsBase). */
export function clientFor(config: RecordingsConfig): ApiClient {
  const base = (window.openmrsBase ?? '/openmrs').replace(/\/$/, '');
  return createApiClient({
    host: 'o3',
    fhirBase: base + config.fhirBase,
    adminBase: base + config.adminBase,
    hostFhirBase: config.hostFhirBase ? base + config.hostFhirBase : undefined,
    hostRestBase: `${base}/ws/rest/v1`,
  });
}

/** The module's privileges the OpenMRS user holds (a superuser holds them all). */
export function privilegesOf(session: { user?: { uuid?: string; display?: string; privileges?: Array<{ display?: string; name?: string }>; roles?: Array<{ display?: string }> } }): SignedIn | undefined {
  const user = session.user;
  if (!user) return undefined;
  const superUser = (user.roles ?? []).some((r) => r.display === 'System Developer');
  const held = new Set((user.privileges ?? []).map((p) => OPENMRS_PRIVILEGE_NAMES[p.display ?? p.name ?? '']).filter(Boolean));
  return {
    user: { id: user.uuid ?? '', display: user.display },
    privileges: superUser ? Object.values(OPENMRS_PRIVILEGE_NAMES) : [...held],
  };
}

function withApi<P extends object>(load: () => Promise<{ default: React.ComponentType<P & { defaultSite?: string }> }>) {
  const Lazy = React.lazy(load);
  return function Wrapped(props: P) {
    const config = useConfig<RecordingsConfig>();
    const session = useSession();
    const api = React.useMemo(() => clientFor(config), [config]);
    return React.createElement(
      ApiProvider,
      { api, session: privilegesOf(session as never), children: null },
      React.createElement(React.Suspense, { fallback: null }, React.createElement(Lazy as React.ComponentType<any>, { ...props, defaultSite: config.defaultSite || undefined })),
    );
  };
}

export const recordingsDashboard = getSyncLifecycle(
  withApi<{ patientUuid: string }>(() => import('./o3/dashboard')),
  options,
);

export const recordingsSummary = getSyncLifecycle(
  withApi<{ patientUuid: string }>(() => import('./o3/summary')),
  options,
);

export const recordingsDashboardLink = getSyncLifecycle(
  createDashboard({ path: 'recordings', title: 'Recordings' }),
  options,
);

export const recordingsAdministration = getSyncLifecycle(withApi<object>(() => import('./o3/administration')), options);
