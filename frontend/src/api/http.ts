// SPDX-License-Identifier: MPL-2.0
import { issuesOf, RefusalError } from './refusal';

/** The header that carries the sign-in's CSRF token on the standalone server (and marks the shell's requests). */
export const CSRF_HEADER = 'X-CSRF-Token';

export interface RequestOptions {
  method?: string;
  body?: BodyInit | null;
  json?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface Answer<T> {
  status: number;
  headers: Headers;
  body: T;
}

/**
 * Every request of the UI goes through here: same-origin credentials (the session cookie), the CSRF token on every
 * request once known, JSON in and out, and any answer but 2xx thrown as a {@link RefusalError} listing the server's
 * reasons. Never throws raw JSON at the user.
 */
export class Http {
  private csrfToken: string | undefined;
  private readonly fetcher: typeof fetch;
  /** Called when the server says the sign-in has ended (401), so the page can ask to sign in again. */
  onSignedOut: (() => void) | undefined;

  constructor(fetcher: typeof fetch = (input, init) => fetch(input, init)) {
    this.fetcher = fetcher;
  }

  setCsrfToken(token: string | undefined) {
    this.csrfToken = token;
  }

  async request<T = unknown>(url: string, options: RequestOptions = {}): Promise<Answer<T>> {
    const headers: Record<string, string> = { Accept: 'application/fhir+json, application/json', ...options.headers };
    if (this.csrfToken) {
      headers[CSRF_HEADER] = this.csrfToken;
    }
    let body = options.body;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers['Content-Type'] = headers['Content-Type'] ?? 'application/json';
    }
    let response: Response;
    try {
      response = await this.fetcher(url, {
        method: options.method ?? 'GET',
        body,
        headers,
        credentials: 'same-origin',
        signal: options.signal,
      });
    } catch (e) {
      if ((e as Error)?.name === 'AbortError') {
        throw e;
      }
      throw new RefusalError(0, [{ severity: 'error', message: 'The server could not be reached' }]);
    }
    const parsed = await parseBody(response);
    if (!response.ok) {
      if (response.status === 401 && this.onSignedOut) {
        this.onSignedOut();
      }
      throw new RefusalError(response.status, issuesOf(response.status, parsed));
    }
    return { status: response.status, headers: response.headers, body: parsed as T };
  }

  /**
   * The raw response of a successful request, for bodies read as a stream (a disclosure package); refusals are thrown
   * like {@link request}'s.
   */
  async stream(url: string, options: RequestOptions = {}): Promise<Response> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.csrfToken) {
      headers[CSRF_HEADER] = this.csrfToken;
    }
    let body = options.body;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers['Content-Type'] = headers['Content-Type'] ?? 'application/json';
    }
    let response: Response;
    try {
      response = await this.fetcher(url, { method: options.method ?? 'GET', body, headers, credentials: 'same-origin', signal: options.signal });
    } catch {
      throw new RefusalError(0, [{ severity: 'error', message: 'The server could not be reached' }]);
    }
    if (!response.ok) {
      throw new RefusalError(response.status, issuesOf(response.status, await parseBody(response)));
    }
    return response;
  }

  async json<T = unknown>(url: string, options: RequestOptions = {}): Promise<T> {
    return (await this.request<T>(url, options)).body;
  }
}

async function parseBody(response: Response): Promise<unknown> {
  if (response.status === 204) {
    return undefined;
  }
  const type = response.headers.get('Content-Type') ?? '';
  const text = await response.text();
  if (type.includes('json') && text) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}
