// SPDX-License-Identifier: MPL-2.0
import '@carbon/styles/css/styles.min.css';
import './shell.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient, type ServerConfig } from '../api/client';
import { initI18n } from '../i18n';
import { ShellApp } from './ShellApp';

/** The settings the server wrote into the page (ShellServlet), or the standalone server's defaults. */
function settings(): ServerConfig {
  const element = document.getElementById('shell-settings');
  if (element?.textContent) {
    return JSON.parse(element.textContent) as ServerConfig;
  }
  return { host: 'standalone', fhirBase: '/fhir', adminBase: '/admin', hostFhirBase: '/fhir', sessionPath: '/session' };
}

initI18n();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ShellApp api={createApiClient(settings())} />
  </StrictMode>,
);
