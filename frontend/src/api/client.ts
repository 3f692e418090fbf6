// SPDX-License-Identifier: MPL-2.0
import { AdminApi } from './admin';
import { ConsentsApi } from './consents';
import { FhirHostDirectory, OpenmrsRestHostDirectory, type HostDirectory } from './host';
import { Http } from './http';
import { RecordingsApi } from './recordings';
import { SessionApi } from './session';

/** Where the UI finds the server: the same shape in the standalone shell, the shell inside OpenMRS and O3. */
export interface ServerConfig {
  host: 'standalone' | 'openmrs' | 'o3';
  fhirBase: string;
  adminBase: string;
  hostFhirBase?: string;
  hostRestBase?: string;
  sessionPath?: string;
}

/** The UI's one client over the documented FHIR and administration APIs. */
export interface ApiClient {
  config: ServerConfig;
  http: Http;
  recordings: RecordingsApi;
  consents: ConsentsApi;
  admin: AdminApi;
  host: HostDirectory;
  session?: SessionApi;
}

export function createApiClient(config: ServerConfig, http: Http = new Http()): ApiClient {
  const host: HostDirectory = config.hostFhirBase
    ? new FhirHostDirectory(http, config.hostFhirBase)
    : new OpenmrsRestHostDirectory(http, config.hostRestBase ?? '/openmrs/ws/rest/v1');
  return {
    config,
    http,
    recordings: new RecordingsApi(http, config.fhirBase),
    consents: new ConsentsApi(http, config.fhirBase),
    admin: new AdminApi(http, config.adminBase),
    host,
    session: config.sessionPath ? new SessionApi(http, config.sessionPath) : undefined,
  };
}
