// SPDX-License-Identifier: MPL-2.0
import type { Http } from './http';

/** A site as `GET /admin/sites` lists it: with its own policy, or following the server's default (POL-1). */
export interface SiteSummary {
  site: string;
  name?: string;
  /** True while the site has no policy of its own; `version` is then 0. */
  followsDefault?: boolean;
  version: number;
  /** The default's version a following site follows. */
  defaultVersion?: number;
}

export interface NoFilmingArea {
  code: string;
  name: string;
  notices: string[];
}

export interface TelephoneNotice {
  means: string;
  description?: string;
  startedOn?: string;
  endedOn?: string;
  [k: string]: unknown;
}

/**
 * Where the policy editor means the server's default policy (POL-1), which every site without its own follows, rather
 * than a site's: its API is `/default-policy` with the same versions, diff and If-Match as a site's `/policy`.
 */
export const DEFAULT_POLICY = '@default';

/** The policy document of {@code site}, or of the server's default for {@link DEFAULT_POLICY}. */
export function policyPath(base: string, site: string): string {
  return site === DEFAULT_POLICY ? `${base}/default-policy` : `${base}/sites/${encodeURIComponent(site)}/policy`;
}

/** The administration API (README "The administration API", /admin/openapi.json). */
export class AdminApi {
  constructor(
    readonly http: Http,
    readonly base: string,
  ) {}

  async sites(): Promise<SiteSummary[]> {
    return (await this.http.json<{ sites: SiteSummary[] }>(`${this.base}/sites`)).sites;
  }

  async policy(site: string): Promise<{ policy: Record<string, any>; etag?: string }> {
    const answer = await this.http.request<Record<string, any>>(policyPath(this.base, site));
    return { policy: answer.body, etag: answer.headers.get('ETag') ?? undefined };
  }

  async noFilmingAreas(site: string): Promise<NoFilmingArea[]> {
    const body = await this.http.json<any>(`${this.base}/sites/${encodeURIComponent(site)}/no-filming-areas`);
    return Array.isArray(body) ? body : (body.noFilmingAreas ?? body.areas ?? []);
  }

  async telephoneNotices(site: string): Promise<{ enabled?: boolean; notices: TelephoneNotice[] }> {
    const body = await this.http.json<any>(`${this.base}/sites/${encodeURIComponent(site)}/telephone/notices`);
    return Array.isArray(body) ? { notices: body } : { enabled: body.enabled, notices: body.notices ?? [] };
  }
}

/** One page of a register (STF-1, CON-10, COV-1, REC-5, REC-4, REC-6): entries, total, and the next page. */
export interface RegisterPage {
  total: number;
  offset: number;
  count: number;
  next?: string;
  entries: Array<Record<string, any>>;
}

export interface RegisterQuery {
  patient?: string;
  staff?: string;
  active?: boolean;
  from?: string;
  to?: string;
  offset?: number;
  count?: number;
}

export interface PolicyChange {
  path: string;
  kind: string;
  before?: unknown;
  after?: unknown;
}

export interface ImportReport {
  dryRun: boolean;
  unchanged: boolean;
  outcomes: Array<{ kind: string; id: string; status: string; fromVersion?: number; toVersion?: number }>;
}

/** The registers, the policy's history and file, and retention schedules, over the same administration API. */
export class AdminRegistersApi {
  constructor(private readonly admin: AdminApi) {}

  async page(register: string, query: RegisterQuery = {}): Promise<RegisterPage> {
    const params = new URLSearchParams();
    Object.entries(query).forEach(([k, v]) => v !== undefined && v !== '' && params.set(k, String(v)));
    return this.admin.http.json<RegisterPage>(`${this.admin.base}/registers/${register}?${params}`);
  }

  async act(register: string, id: string, action: 'end' | 'lift', body: Record<string, unknown> = {}) {
    return this.admin.http.json(`${this.admin.base}/registers/${register}/${encodeURIComponent(id)}/${action}`, {
      method: 'POST',
      json: body,
    });
  }

  async add(register: string, body: Record<string, unknown>) {
    return this.admin.http.json<Record<string, any>>(`${this.admin.base}/registers/${register}`, { method: 'POST', json: body });
  }
}

export class PolicyAdminApi {
  constructor(private readonly admin: AdminApi) {}

  private site(site: string) {
    return `${this.admin.base}/sites/${encodeURIComponent(site)}`;
  }

  async versions(site: string): Promise<Array<Record<string, any>>> {
    return (await this.admin.http.json<{ versions: Array<Record<string, any>> }>(`${policyPath(this.admin.base, site)}/versions`)).versions;
  }

  async diff(site: string, from: number, to: number): Promise<PolicyChange[]> {
    return (await this.admin.http.json<{ changes: PolicyChange[] }>(`${policyPath(this.admin.base, site)}/diff?from=${from}&to=${to}`)).changes;
  }

  /** Saves a policy as the next version; refused with VER-1 (412) when someone changed it since {@code etag}. */
  async save(site: string, policy: Record<string, unknown>, etag?: string): Promise<{ policy: Record<string, any>; etag?: string }> {
    const answer = await this.admin.http.request<Record<string, any>>(policyPath(this.admin.base, site), {
      method: 'PUT',
      json: policy,
      headers: etag ? { 'If-Match': etag } : {},
    });
    return { policy: answer.body, etag: answer.headers.get('ETag') ?? undefined };
  }

  async exportFile(site?: string): Promise<Record<string, unknown>> {
    return this.admin.http.json(`${this.admin.base}/policies/export${site ? `?site=${encodeURIComponent(site)}` : ''}`);
  }

  async importFile(file: string, dryRun: boolean): Promise<ImportReport> {
    return this.admin.http.json<ImportReport>(`${this.admin.base}/policies/import?dryRun=${dryRun}`, {
      method: 'POST',
      body: file,
      headers: { 'Content-Type': 'application/json' },
    });
  }

  async addNotice(site: string, notice: Record<string, unknown>, etag?: string) {
    return this.admin.http.request(`${this.site(site)}/telephone/notices`, { method: 'POST', json: notice, headers: etag ? { 'If-Match': etag } : {} });
  }

  async endNotice(site: string, index: number, etag?: string) {
    return this.admin.http.request(`${this.site(site)}/telephone/notices/${index}/end`, { method: 'POST', json: {}, headers: etag ? { 'If-Match': etag } : {} });
  }

  async putArea(site: string, area: { code: string; name: string; notices: string[] }, etag?: string) {
    return this.admin.http.request(`${this.site(site)}/no-filming-areas/${encodeURIComponent(area.code)}`, { method: 'PUT', json: area, headers: etag ? { 'If-Match': etag } : {} });
  }

  async removeArea(site: string, code: string, etag?: string) {
    return this.admin.http.request(`${this.site(site)}/no-filming-areas/${encodeURIComponent(code)}`, { method: 'DELETE', headers: etag ? { 'If-Match': etag } : {} });
  }

  async retentionSchedules(): Promise<unknown> {
    return this.admin.http.json(`${this.admin.base}/retention-schedules`);
  }
}
