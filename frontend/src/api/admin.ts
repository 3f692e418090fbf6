// SPDX-License-Identifier: MPL-2.0
import type { Http } from './http';

export interface SiteSummary {
  site: string;
  version: number;
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
    const answer = await this.http.request<Record<string, any>>(`${this.base}/sites/${encodeURIComponent(site)}/policy`);
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
