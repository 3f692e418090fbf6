// SPDX-License-Identifier: MPL-2.0
import { useMemo, useState } from 'react';
import { Button, InlineNotification, Modal, Select, SelectItem, Table, TableBody, TableCell, TableHead, TableHeader, TableRow, Tag, TextInput } from '@carbon/react';
import { useTranslation } from 'react-i18next';
import { AdminRegistersApi, type RegisterQuery } from '../api/admin';
import { PRIVILEGES } from '../api/session';
import { useApi, useCan } from '../components/api-context';
import { formatDateTime, humanise } from '../components/format';
import { Refusal } from '../components/Refusal';
import { useLoad } from '../components/useLoad';
import styles from '../components/styles.module.scss';

interface Field {
  name: string;
  label: string;
  options?: string[];
  required?: boolean;
  /** How the value is sent: text (the default), a yes/no answer as a boolean, or a date as the instant it starts (UTC). */
  type?: 'text' | 'boolean' | 'date';
}

/** The form's values as the administration API takes them: blanks left out, yes/no as booleans, dates as instants. */
export function registerEntryBody(fields: Field[], values: Record<string, string>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of fields) {
    const value = (values[field.name] ?? '').trim();
    if (value === '') continue;
    if (field.type === 'boolean') body[field.name] = value === 'true';
    else if (field.type === 'date') body[field.name] = `${value}T00:00:00Z`;
    else body[field.name] = value;
  }
  return body;
}

/** How each register is shown, added to and ended, and which privilege its changes need (SAF-3). */
export interface RegisterSpec {
  id: string;
  title: string;
  rule: string;
  columns: Array<{ key: string; label: string; date?: boolean }>;
  end?: { action: 'end' | 'lift'; label: string; reason?: boolean };
  add?: { label: string; fields: Field[] };
  /** Who may change it; reading is decided by the server. */
  privilege: string;
  /** Who may read it, when only some may (the page is shown to them alone). */
  readers?: string[];
  /** Its entries record events that happened, which never end: no state to show or filter by. */
  events?: boolean;
}

export const REGISTERS: RegisterSpec[] = [
  {
    id: 'legal-holds',
    title: 'Legal holds',
    rule: 'REC-5',
    columns: [
      { key: 'patient', label: 'Patient' },
      { key: 'basis', label: 'Basis' },
      { key: 'reference', label: 'Reference' },
      { key: 'placedAt', label: 'Placed', date: true },
      { key: 'endedAt', label: 'Lifted', date: true },
      { key: 'liftReason', label: 'Why lifted' },
    ],
    end: { action: 'lift', label: 'Lift', reason: true },
    add: {
      label: 'Place a legal hold',
      fields: [
        { name: 'patient', label: 'Patient id', required: true },
        { name: 'basis', label: 'Basis', options: ['COMPLAINT', 'CLAIM', 'FORMAL_INVESTIGATION', 'COURT_ORDER', 'REGULATOR'], required: true },
        { name: 'reference', label: 'Matter reference' },
      ],
    },
    privilege: PRIVILEGES.holds,
  },
  {
    id: 'staff-objections',
    title: 'Staff objections',
    rule: 'STF-1',
    columns: [
      { key: 'staff', label: 'Staff member' },
      { key: 'comment', label: 'Comment' },
      { key: 'recordedAt', label: 'Recorded', date: true },
      { key: 'endedAt', label: 'Ended', date: true },
    ],
    end: { action: 'end', label: 'End' },
    add: { label: 'Record a staff objection', fields: [{ name: 'staff', label: 'Staff user id', required: true }, { name: 'comment', label: 'Comment' }] },
    privilege: PRIVILEGES.policy,
  },
  {
    id: 'patient-objections',
    title: 'Standing objections',
    rule: 'CON-10',
    columns: [
      { key: 'patient', label: 'Patient' },
      { key: 'comment', label: 'Comment' },
      { key: 'recordedAt', label: 'Recorded', date: true },
      { key: 'endedAt', label: 'Lifted', date: true },
    ],
    end: { action: 'lift', label: 'Lift' },
    add: { label: 'Record a standing objection', fields: [{ name: 'patient', label: 'Patient id', required: true }, { name: 'comment', label: 'What the patient said' }] },
    privilege: PRIVILEGES.consent,
  },
  {
    id: 'covert-authorisations',
    title: 'Covert authorisations',
    rule: 'COV-1',
    columns: [
      { key: 'patient', label: 'Patient' },
      { key: 'authorisingBody', label: 'Authorising body' },
      { key: 'reference', label: 'Reference' },
      { key: 'legalBasis', label: 'Legal basis' },
      { key: 'validFrom', label: 'From', date: true },
      { key: 'validUntil', label: 'Until', date: true },
    ],
    end: { action: 'end', label: 'End' },
    add: {
      label: 'Record a covert authorisation',
      fields: [
        { name: 'patient', label: 'Patient id', required: true },
        { name: 'authorisingBody', label: 'Authorising body', required: true },
        { name: 'reference', label: 'Its reference', required: true },
        { name: 'legalBasis', label: 'Legal basis (e.g. Regulation of Investigatory Powers Act 2000)', required: true },
        { name: 'justification', label: 'Justification', options: ['INVESTIGATE_SERIOUS_CRIME', 'PROTECT_FROM_SERIOUS_HARM'], required: true },
        { name: 'noOtherMeans', label: 'No other means', options: ['true', 'false'], type: 'boolean', required: true },
        { name: 'validFrom', label: 'Covers from', type: 'date', required: true },
        { name: 'validUntil', label: 'Covers until', type: 'date', required: true },
      ],
    },
    privilege: PRIVILEGES.covert,
  },
  {
    id: 'destructions',
    title: 'Destructions',
    rule: 'REC-4',
    columns: [
      { key: 'recording', label: 'Recording' },
      { key: 'patient', label: 'Patient' },
      { key: 'destroyedAt', label: 'Destroyed', date: true },
      { key: 'destroyedBy', label: 'By' },
      { key: 'rule', label: 'Rule' },
      { key: 'detail', label: 'Detail' },
    ],
    add: { label: 'Dispose of a recording', fields: [{ name: 'recording', label: 'Recording id', required: true }] },
    privilege: PRIVILEGES.records,
  },
  {
    id: 'disclosures',
    title: 'Disclosures',
    rule: 'REC-6',
    columns: [
      { key: 'patient', label: 'Patient' },
      { key: 'authority', label: 'Authority' },
      { key: 'recipient', label: 'Recipient' },
      { key: 'reference', label: 'Reference' },
      { key: 'disclosedAt', label: 'Disclosed', date: true },
    ],
    privilege: PRIVILEGES.disclose,
  },
  {
    id: 'site-policy-breaches',
    title: 'Site policy breaches',
    rule: 'PAT-3',
    columns: [
      { key: 'recording', label: 'Recording' },
      { key: 'patient', label: 'Patient' },
      { key: 'site', label: 'Site' },
      { key: 'areaName', label: 'No-filming area' },
      { key: 'policyVersion', label: 'Policy version' },
      { key: 'recordedBy', label: 'Added by' },
      { key: 'recordedAt', label: 'When', date: true },
    ],
    privilege: PRIVILEGES.policy,
    readers: [PRIVILEGES.policy],
    events: true,
  },
];

const PAGE = 20;

/** One register with paging, filters, its end or lift action, and adding an entry. */
export function RegisterPage({ spec }: { spec: RegisterSpec }) {
  const { t } = useTranslation();
  const api = useApi();
  const registers = useMemo(() => new AdminRegistersApi(api.admin), [api]);
  const mayChange = useCan(spec.privilege);
  const [query, setQuery] = useState<RegisterQuery>({ offset: 0, count: PAGE });
  const [patient, setPatient] = useState('');
  const page = useLoad(() => registers.page(spec.id, query), [spec.id, query]);
  const [adding, setAdding] = useState<Record<string, string>>({});
  const [ending, setEnding] = useState<string>();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string>();

  async function add() {
    setError(undefined);
    setDone(undefined);
    try {
      await registers.add(spec.id, registerEntryBody(spec.add!.fields, adding));
      setDone(t('registerAdded', 'Added to the register.'));
      setAdding({});
      page.reload();
    } catch (e) {
      setError(e);
    }
  }

  async function end() {
    setError(undefined);
    try {
      await registers.act(spec.id, ending!, spec.end!.action, reason.trim() ? { reason: reason.trim() } : {});
      setEnding(undefined);
      setReason('');
      page.reload();
    } catch (e) {
      setEnding(undefined);
      setError(e);
    }
  }

  return (
    <section className={styles.widget} aria-labelledby={`register-${spec.id}`}>
      <h1 id={`register-${spec.id}`} className={styles.title}>
        {t(`register.${spec.id}`, spec.title)} <span className={styles.muted}>({spec.rule})</span>
      </h1>
      <div className={styles.filters} role="search" aria-label={t('registerFilters', 'Filter the register')}>
        <TextInput id={`${spec.id}-patient`} labelText={t('patientId', 'Patient id')} value={patient} onChange={(e) => setPatient(e.target.value)} onBlur={() => setQuery((q) => ({ ...q, patient: patient.trim() || undefined, offset: 0 }))} />
        {spec.events ? null : (
          <Select id={`${spec.id}-active`} labelText={t('state', 'State')} value={query.active === undefined ? '' : String(query.active)} onChange={(e) => setQuery((q) => ({ ...q, active: e.target.value === '' ? undefined : e.target.value === 'true', offset: 0 }))}>
            <SelectItem value="" text={t('any', 'Any')} />
            <SelectItem value="true" text={t('inForce', 'In force')} />
            <SelectItem value="false" text={t('ended', 'Ended')} />
          </Select>
        )}
        <Button kind="tertiary" onClick={() => setQuery((q) => ({ ...q, patient: patient.trim() || undefined, offset: 0 }))}>
          {t('applyFilters', 'Apply')}
        </Button>
      </div>
      {page.error ? <Refusal error={page.error} onRetry={page.reload} /> : null}
      {page.data ? (
        <>
          <Table size="sm" aria-label={t(`register.${spec.id}`, spec.title)}>
            <TableHead>
              <TableRow>
                {spec.columns.map((c) => (
                  <TableHeader key={c.key}>{t(`column.${c.key}`, c.label)}</TableHeader>
                ))}
                {spec.events ? null : <TableHeader>{t('state', 'State')}</TableHeader>}
                {spec.end ? (
                  <TableHeader>
                    <span className="cds--visually-hidden">{t('actions', 'Actions')}</span>
                  </TableHeader>
                ) : null}
              </TableRow>
            </TableHead>
            <TableBody>
              {page.data.entries.map((entry) => (
                <TableRow key={entry.id} data-testid="register-row">
                  {spec.columns.map((c) => (
                    <TableCell key={c.key}>{c.date ? (entry[c.key] ? formatDateTime(entry[c.key]) : '—') : (entry[c.key] ?? '—')}</TableCell>
                  ))}
                  {spec.events ? null : <TableCell>{entry.active ? <Tag type="green">{t('inForce', 'In force')}</Tag> : <Tag type="gray">{t('ended', 'Ended')}</Tag>}</TableCell>}
                  {spec.end ? (
                    <TableCell>
                      {entry.active ? (
                        mayChange ? (
                          <Button kind="danger--tertiary" size="sm" onClick={() => setEnding(entry.id)}>
                            {t(`action.${spec.end.action}`, spec.end.label)}
                          </Button>
                        ) : (
                          <span className={styles.muted}>{t('needsPrivilegeShort', 'Needs the {{privilege}} privilege', { privilege: humanise(spec.privilege).toLowerCase() })}</span>
                        )
                      ) : null}
                    </TableCell>
                  ) : null}
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <div className={styles.row} style={{ marginTop: '0.5rem' }}>
            <span>
              {t('registerPaging', '{{from}}–{{to}} of {{total}}', {
                from: page.data.total === 0 ? 0 : page.data.offset + 1,
                to: page.data.offset + page.data.entries.length,
                total: page.data.total,
              })}
            </span>
            <Button kind="ghost" size="sm" disabled={(query.offset ?? 0) === 0} onClick={() => setQuery((q) => ({ ...q, offset: Math.max(0, (q.offset ?? 0) - PAGE) }))}>
              {t('previous', 'Previous')}
            </Button>
            <Button kind="ghost" size="sm" disabled={!page.data.next} onClick={() => setQuery((q) => ({ ...q, offset: (q.offset ?? 0) + PAGE }))}>
              {t('nextPage', 'Next page')}
            </Button>
          </div>
        </>
      ) : null}
      {done ? <InlineNotification kind="success" lowContrast title={done} role="status" onCloseButtonClick={() => setDone(undefined)} /> : null}
      <Refusal error={error} />
      {spec.add ? (
        mayChange ? (
          <fieldset className="cds--fieldset" style={{ marginTop: '1rem' }}>
            <legend className="cds--label">{t(`add.${spec.id}`, spec.add.label)}</legend>
            <div className={styles.row}>
              {spec.add.fields.map((f) =>
                f.options ? (
                  <Select key={f.name} id={`${spec.id}-add-${f.name}`} labelText={t(`field.${f.name}`, f.label)} value={adding[f.name] ?? ''} onChange={(e) => setAdding((a) => ({ ...a, [f.name]: e.target.value }))}>
                    <SelectItem value="" text={t('choose', 'Choose')} />
                    {f.options.map((o) => (
                      <SelectItem key={o} value={o} text={f.type === 'boolean' ? (o === 'true' ? t('yes', 'Yes') : t('no', 'No')) : humanise(o)} />
                    ))}
                  </Select>
                ) : (
                  <TextInput key={f.name} id={`${spec.id}-add-${f.name}`} type={f.type === 'date' ? 'date' : 'text'} labelText={t(`field.${f.name}`, f.label)} value={adding[f.name] ?? ''} onChange={(e) => setAdding((a) => ({ ...a, [f.name]: e.target.value }))} />
                ),
              )}
              <Button kind="primary" onClick={add} disabled={spec.add.fields.some((f) => f.required && !(adding[f.name] ?? '').trim())}>
                {t(`add.${spec.id}`, spec.add.label)}
              </Button>
            </div>
          </fieldset>
        ) : (
          <p className={styles.muted}>{t('needsPrivilegeToChange', 'Changing this register needs the {{privilege}} privilege.', { privilege: humanise(spec.privilege).toLowerCase() })}</p>
        )
      ) : null}
      <Modal open={ending !== undefined} danger modalHeading={t('endEntry', '{{action}} this entry?', { action: spec.end?.label ?? '' })} primaryButtonText={spec.end?.label ?? ''} secondaryButtonText={t('cancel', 'Cancel')} onRequestClose={() => setEnding(undefined)} onRequestSubmit={end}>
        {spec.end?.reason ? <TextInput id="end-reason" labelText={t('liftReason', 'Why')} value={reason} onChange={(e) => setReason(e.target.value)} /> : <p>{t('endKept', 'The entry stays on the register, marked as ended.')}</p>}
      </Modal>
    </section>
  );
}
