// SPDX-License-Identifier: MPL-2.0
import type { Http } from './http';

/** Who is signed in, what they may do (the module's privileges, SAF-3) and the sign-in's CSRF token. */
export interface SignedIn {
  user: { id: string; username?: string; display?: string };
  privileges: string[];
  csrfToken?: string;
}

/**
 * Sign-in, the signed-in user and sign-out: {@code GET}, {@code POST} and {@code DELETE} on the session path (the
 * standalone server's /session, or the module's session inside OpenMRS, which opens the OpenMRS login).
 */
export class SessionApi {
  constructor(
    private readonly http: Http,
    private readonly path: string,
  ) {}

  async current(): Promise<SignedIn | undefined> {
    try {
      const session = await this.http.json<SignedIn>(this.path);
      this.http.setCsrfToken(session.csrfToken);
      return session;
    } catch (e) {
      if ((e as { status?: number }).status === 401) {
        return undefined;
      }
      throw e;
    }
  }

  async signIn(username: string, password: string): Promise<SignedIn> {
    const session = await this.http.json<SignedIn>(this.path, { method: 'POST', json: { username, password } });
    this.http.setCsrfToken(session.csrfToken);
    return session;
  }

  async signOut(): Promise<void> {
    try {
      await this.http.request(this.path, { method: 'DELETE' });
    } finally {
      this.http.setCsrfToken(undefined);
    }
  }
}

/** The module's privileges (domain.Privilege), by the names the session answers. */
export const PRIVILEGES = {
  view: 'VIEW_RECORDINGS',
  create: 'CREATE_RECORDINGS',
  consent: 'MANAGE_CONSENT',
  policy: 'MANAGE_POLICY',
  disclose: 'DISCLOSE_RECORDINGS',
  covert: 'AUTHORISE_COVERT',
  holds: 'MANAGE_LEGAL_HOLDS',
  audit: 'VIEW_AUDIT',
  records: 'MANAGE_RECORDS',
} as const;

/** OpenMRS' names of the module's privileges (config.xml), for hosts that answer those. */
export const OPENMRS_PRIVILEGE_NAMES: Record<string, string> = {
  'Patient Recordings: View Recordings': 'VIEW_RECORDINGS',
  'Patient Recordings: Create Recordings': 'CREATE_RECORDINGS',
  'Patient Recordings: Manage Consent': 'MANAGE_CONSENT',
  'Patient Recordings: Manage Policy': 'MANAGE_POLICY',
  'Patient Recordings: Disclose Recordings': 'DISCLOSE_RECORDINGS',
  'Patient Recordings: Authorise Covert Recording': 'AUTHORISE_COVERT',
  'Patient Recordings: Manage Legal Holds': 'MANAGE_LEGAL_HOLDS',
  'Patient Recordings: View Audit': 'VIEW_AUDIT',
  'Patient Recordings: Manage Records': 'MANAGE_RECORDS',
};
