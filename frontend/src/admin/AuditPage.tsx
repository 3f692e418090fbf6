// SPDX-License-Identifier: MPL-2.0
import { useState } from 'react';
import { Button, InlineNotification, Table, TableBody, TableCell, TableHead, TableHeader, TableRow, TextInput } from '@carbon/react';
import { useTranslation } from 'react-i18next';
import type { Bundle } from '../api/recordings';
import { useApi } from '../components/api-context';
import { formatDateTime } from '../components/format';
import { Refusal } from '../components/Refusal';
import styles from '../components/styles.module.scss';

/** One audit entry in words: who, what, when, why, outcome (SAF-2). */
export interface AuditRow {
  sequence: string;
  when: string;
  who: string;
  what: string;
  patient: string;
  recording: string;
  why: string;
  outcome: string;
}

const OUTCOMES: Record<string, string> = { '0': 'Success', '4': 'Refused', '8': 'Failed', '12': 'Failed' };

export function auditRowOf(event: Record<string, any>): AuditRow {
  const requestor = (event.agent ?? []).find((a: { requestor?: boolean }) => a.requestor) ?? event.agent?.[0];
  const entities = (event.entity ?? []) as Array<Record<string, any>>;
  const described = entities.map((e) => e.description).filter(Boolean).join('; ');
  return {
    sequence: event.id,
    when: event.recorded,
    who: requestor?.who?.display ?? requestor?.who?.reference ?? '—',
    what: described || `${event.subtype?.[0]?.code ?? event.action ?? ''}`,
    patient: entities.find((e) => e.what?.reference?.startsWith('Patient/'))?.what?.reference?.slice(8) ?? '—',
    recording: entities.find((e) => e.what?.reference?.startsWith('Media/'))?.what?.reference?.slice(6) ?? '—',
    why: (event.purposeOfEvent ?? []).map((p: any) => p.coding?.[0]?.code).filter(Boolean).join(', ') || '—',
    outcome: OUTCOMES[event.outcome] ?? event.outcome ?? '—',
  };
}

/** The rows as CSV (RFC 4180 quoting), for a spreadsheet. */
export function auditCsv(rows: AuditRow[]): string {
  const header = ['sequence', 'when', 'who', 'what', 'patient', 'recording', 'why', 'outcome'];
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [header.join(','), ...rows.map((r) => header.map((h) => quote(String(r[h as keyof AuditRow] ?? ''))).join(','))].join('\r\n') + '\r\n';
}

/**
 * The audit trail for an auditor: filter by patient, user, action and dates; each entry readable; the hash chain's
 * verification shown and run again on demand; export as CSV.
 */
export function AuditPage() {
  const { t } = useTranslation();
  const api = useApi();
  const [filters, setFilters] = useState({ patient: '', agent: '', action: '', from: '', to: '' });
  const [rows, setRows] = useState<AuditRow[]>();
  const [error, setError] = useState<unknown>();
  const [verification, setVerification] = useState<{ intact: boolean; text: string }>();

  async function search() {
    setError(undefined);
    const params = new URLSearchParams();
    if (filters.patient.trim()) params.set('patient', filters.patient.trim());
    if (filters.agent.trim()) params.set('agent', filters.agent.trim());
    if (filters.action.trim()) params.set('action', filters.action.trim().toUpperCase());
    if (filters.from) params.append('date', `ge${filters.from}`);
    if (filters.to) params.append('date', `le${filters.to}`);
    try {
      const bundle = await api.http.json<Bundle>(`${api.config.fhirBase}/AuditEvent?${params}`);
      setRows((bundle.entry ?? []).map((e) => auditRowOf(e.resource!)));
    } catch (e) {
      setError(e);
    }
  }

  async function verify() {
    setError(undefined);
    try {
      const result = await api.http.json<{ parameter: Array<{ name: string; valueBoolean?: boolean; valueString?: string; valueInteger?: number }> }>(`${api.config.fhirBase}/AuditEvent/$verify-chain`);
      const get = (name: string) => result.parameter.find((p) => p.name === name);
      const intact = Boolean(get('intact')?.valueBoolean);
      setVerification({
        intact,
        text: intact
          ? t('chainIntact', 'The audit trail is intact: {{count}} entries, each chained to the one before.', { count: get('entries')?.valueInteger ?? 0 })
          : t('chainBroken', 'The audit trail is broken at entry {{sequence}}: {{explanation}}', { sequence: get('brokenAt')?.valueInteger, explanation: get('explanation')?.valueString }),
      });
    } catch (e) {
      setError(e);
    }
  }

  function exportCsv() {
    const url = URL.createObjectURL(new Blob([auditCsv(rows ?? [])], { type: 'text/csv' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'audit-trail.csv';
    link.click();
    URL.revokeObjectURL(url);
  }

  const set = (key: keyof typeof filters) => (e: React.ChangeEvent<HTMLInputElement>) => setFilters((f) => ({ ...f, [key]: e.target.value }));
  return (
    <section className={styles.widget} aria-labelledby="audit-title">
      <div className={styles.header}>
        <h1 id="audit-title" className={styles.title}>
          {t('auditTrail', 'Audit trail')}
        </h1>
        <Button kind="tertiary" onClick={verify}>
          {t('verifyChain', 'Verify the hash chain')}
        </Button>
      </div>
      {verification ? <InlineNotification kind={verification.intact ? 'success' : 'error'} lowContrast hideCloseButton role="status" title={verification.text} /> : null}
      <form className={styles.filters} role="search" aria-label={t('auditFilters', 'Filter the audit trail')} onSubmit={(e) => { e.preventDefault(); void search(); }}>
        <TextInput id="audit-patient" labelText={t('patientId', 'Patient id')} value={filters.patient} onChange={set('patient')} />
        <TextInput id="audit-agent" labelText={t('userId', 'User id')} value={filters.agent} onChange={set('agent')} />
        <TextInput id="audit-action" labelText={t('auditAction', 'Action (e.g. PLAY, DISCLOSE, R)')} value={filters.action} onChange={set('action')} />
        <TextInput id="audit-from" type="date" labelText={t('fromDate', 'From')} value={filters.from} onChange={set('from')} />
        <TextInput id="audit-to" type="date" labelText={t('toDate', 'To')} value={filters.to} onChange={set('to')} />
        <Button type="submit">{t('search', 'Search')}</Button>
      </form>
      <Refusal error={error} />
      {rows ? (
        <>
          <div className={styles.actions} style={{ marginBottom: '0.5rem' }}>
            <span>{t('auditCount', '{{count}} entries', { count: rows.length })}</span>
            <Button kind="ghost" size="sm" onClick={exportCsv} disabled={rows.length === 0}>
              {t('exportCsv', 'Export as CSV')}
            </Button>
          </div>
          <div className={styles.tableWrapper}>
            <Table size="sm" aria-label={t('auditTrail', 'Audit trail')}>
              <TableHead>
                <TableRow>
                  <TableHeader>{t('when', 'When')}</TableHeader>
                  <TableHeader>{t('who', 'Who')}</TableHeader>
                  <TableHeader>{t('what', 'What')}</TableHeader>
                  <TableHeader>{t('patient', 'Patient')}</TableHeader>
                  <TableHeader>{t('why', 'Why')}</TableHeader>
                  <TableHeader>{t('outcome', 'Outcome')}</TableHeader>
                </TableRow>
              </TableHead>
              <TableBody>
                {rows.map((r) => (
                  <TableRow key={r.sequence} data-testid="audit-row">
                    <TableCell>{formatDateTime(r.when)}</TableCell>
                    <TableCell>{r.who}</TableCell>
                    <TableCell>{r.what}</TableCell>
                    <TableCell>{r.patient}</TableCell>
                    <TableCell>{r.why}</TableCell>
                    <TableCell>{r.outcome}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </>
      ) : null}
    </section>
  );
}
