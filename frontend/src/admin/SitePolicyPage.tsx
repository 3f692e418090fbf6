// SPDX-License-Identifier: MPL-2.0
import { useEffect, useMemo, useState } from 'react';
import {
  Button,
  Checkbox,
  InlineNotification,
  RadioButton,
  RadioButtonGroup,
  Select,
  SelectItem,
  SkeletonText,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  TextInput,
  Toggle,
} from '@carbon/react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_POLICY, PolicyAdminApi, type ImportReport, type PolicyChange, type SiteSummary } from '../api/admin';
import { RefusalError } from '../api/refusal';
import { PRIVILEGES } from '../api/session';
import { KINDS, SECONDARY_PURPOSES } from '../api/vocabulary';
import { useApi, useCan } from '../components/api-context';
import { humanise } from '../components/format';
import { Refusal } from '../components/Refusal';
import { useLoad } from '../components/useLoad';
import { sentenceFor } from '../errors/sentences';
import styles from '../components/styles.module.scss';

type Policy = Record<string, any>;

/** The value of a diff as words: a list, a yes/no, or the JSON of a small object. */
function valueText(value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (Array.isArray(value)) return value.map(valueText).join(', ') || '(none)';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${valueText(v)}`)
      .join('; ');
  }
  return String(value);
}

export function DiffTable({ changes, label }: { changes: PolicyChange[]; label: string }) {
  const { t } = useTranslation();
  if (changes.length === 0) return <p className={styles.muted}>{t('noChanges', 'No differences.')}</p>;
  return (
    <Table size="sm" aria-label={label}>
      <TableHead>
        <TableRow>
          <TableHeader>{t('setting', 'Setting')}</TableHeader>
          <TableHeader>{t('change', 'Change')}</TableHeader>
          <TableHeader>{t('before', 'Before')}</TableHeader>
          <TableHeader>{t('after', 'After')}</TableHeader>
        </TableRow>
      </TableHead>
      <TableBody>
        {changes.map((c, i) => (
          <TableRow key={i} data-testid="diff-row">
            <TableCell>{c.path}</TableCell>
            <TableCell>{humanise(c.kind)}</TableCell>
            <TableCell>{valueText(c.before)}</TableCell>
            <TableCell>{valueText(c.after)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/**
 * A site's recording policy (POL-1) as a form, with the server's own errors inline (field path and rule); its
 * versions with a readable diff between any two (POL-2); a stale edit shows the 412 conflict and what changed
 * meanwhile; export to a file and import with the dry run's report before anything is applied.
 */
/** How the site picker names a site: its name, and its own policy's version or that it follows the default (POL-1). */
export function siteLabel(s: SiteSummary, followsText: (version: number) => string): string {
  const name = s.name && s.name !== s.site ? `${s.name} (${s.site})` : s.site;
  return s.followsDefault ? `${name} – ${followsText(s.defaultVersion ?? 0)}` : `${name} (v${s.version})`;
}

export function SitePolicyPage() {
  const { t } = useTranslation();
  const api = useApi();
  const policies = useMemo(() => new PolicyAdminApi(api.admin), [api]);
  const mayChange = useCan(PRIVILEGES.policy);
  const sites = useLoad(() => api.admin.sites(), []);
  const [site, setSite] = useState<string>();
  const chosen = site ?? sites.data?.[0]?.site;
  const current = useLoad(async () => (chosen ? api.admin.policy(chosen) : undefined), [chosen]);
  const [draft, setDraft] = useState<Policy>();
  const [etag, setEtag] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [conflict, setConflict] = useState<PolicyChange[]>();
  const [saved, setSaved] = useState<string>();

  useEffect(() => {
    if (current.data) {
      setDraft(structuredClone(current.data.policy));
      setEtag(current.data.etag);
      setConflict(undefined);
    }
  }, [current.data]);

  if (sites.loading || (current.loading && !draft)) return <SkeletonText paragraph />;
  if (sites.error) return <Refusal error={sites.error} onRetry={sites.reload} />;

  const fieldErrors = (path: string) =>
    error instanceof RefusalError ? error.issues.filter((i) => i.path && (i.path === path || i.path.startsWith(`${path}.`) || i.path.startsWith(`${path}[`))) : [];
  const invalidText = (path: string) =>
    fieldErrors(path)
      .map((i) => `${sentenceFor(i).sentence} ${i.message} (${i.code})`)
      .join(' ');
  const set = (key: string, value: unknown) => setDraft((d) => ({ ...d, [key]: value }));
  const baseVersion = Number((etag ?? '').replace(/\D/g, '')) || current.data?.policy.version;

  async function save() {
    setError(undefined);
    setSaved(undefined);
    setConflict(undefined);
    try {
      const { version: _version, ...content } = draft!;
      void _version;
      const result = await policies.save(chosen!, content, etag);
      setEtag(result.etag);
      setSaved(t('policySaved', 'Saved as version {{version}}.', { version: result.policy.version }));
      sites.reload();
    } catch (e) {
      setError(e);
      if (e instanceof RefusalError && e.has('VER-1')) {
        const now = await api.admin.policy(chosen!);
        setConflict(await policies.diff(chosen!, baseVersion, now.policy.version));
      }
    }
  }

  return (
    <div className={styles.stack}>
      <section className={styles.widget} aria-labelledby="policy-title">
        <div className={styles.header}>
          <h1 id="policy-title" className={styles.title}>
            {t('sitePolicy', 'Site policy')}
          </h1>
          <Select id="policy-site" labelText={t('site', 'Site')} value={chosen ?? ''} onChange={(e) => setSite(e.target.value)}>
            <SelectItem value={DEFAULT_POLICY} text={t('serverDefaultPolicy', 'The server’s default policy (for every site without its own)')} />
            {sites.data!.map((s) => (
              <SelectItem
                key={s.site}
                value={s.site}
                text={siteLabel(s, (version) => t('followsDefaultShort', 'follows the default policy, version {{version}}', { version }))}
              />
            ))}
          </Select>
        </div>
        {draft?.followsDefault ? (
          <p role="note">
            {t(
              'siteFollowsDefault',
              'This site has no policy of its own: it follows the server’s default policy, version {{version}}. Saving gives it its own policy, version 1, which governs its recordings from then on.',
              { version: draft.defaultVersion },
            )}
          </p>
        ) : null}
        {chosen === DEFAULT_POLICY ? (
          <p role="note">
            {t(
              'defaultPolicyNote',
              'Every site without a policy of its own records under this one: {{count}} site(s) now. A change takes effect at once for their new recordings; recordings already made keep the version they were made under.',
              { count: (sites.data ?? []).filter((s) => s.followsDefault).length },
            )}
          </p>
        ) : null}
        {!mayChange ? <p className={styles.muted}>{t('policyReadOnly', 'Changing the policy needs the Manage Policy privilege; you can read it.')}</p> : null}
        {draft ? (
          <div className={styles.stack}>
            <p>
              {t('policyVersion', 'Version {{version}}', { version: draft.version ?? baseVersion })}
            </p>
            <fieldset className="cds--fieldset">
              <legend className="cds--label">{t('allowedKinds', 'Recording kinds allowed')}</legend>
              <div className={styles.row}>
                {KINDS.map((k) => (
                  <Checkbox key={k} id={`allowed-${k}`} disabled={!mayChange} labelText={humanise(k)} checked={(draft.allowedKinds ?? []).includes(k)} onChange={(_: unknown, { checked }: { checked: boolean }) => set('allowedKinds', checked ? [...(draft.allowedKinds ?? []), k] : draft.allowedKinds.filter((x: string) => x !== k))} />
                ))}
              </div>
              {invalidText('allowedKinds') ? <p className="cds--form-requirement" style={{ display: 'block' }}>{invalidText('allowedKinds')}</p> : null}
            </fieldset>
            <Toggle id="clinicians-may-record" labelText={t('cliniciansMayRecord', 'Clinicians may record consultations')} disabled={!mayChange} toggled={Boolean(draft.cliniciansMayRecordConsultations)} onToggle={(on: boolean) => set('cliniciansMayRecordConsultations', on)} />
            <Toggle id="telephone-enabled" labelText={t('telephoneRecording', 'Telephone recording (site-wide, TEL-1)')} disabled={!mayChange} toggled={Boolean(draft.telephone?.enabled)} onToggle={(on: boolean) => set('telephone', { ...draft.telephone, enabled: on })} />
            {invalidText('telephone') ? <InlineNotification kind="error" lowContrast hideCloseButton title={invalidText('telephone')} /> : null}
            <fieldset className="cds--fieldset">
              <legend className="cds--label">{t('telephonePurposes', 'Purposes of call recording (TEL-4)')}</legend>
              <div className={styles.row}>
                {['DIRECT_CARE', ...SECONDARY_PURPOSES].map((p) => (
                  <Checkbox key={p} id={`tel-purpose-${p}`} disabled={!mayChange} labelText={humanise(p)} checked={(draft.telephone?.purposes ?? []).includes(p)} onChange={(_: unknown, { checked }: { checked: boolean }) => set('telephone', { ...draft.telephone, purposes: checked ? [...(draft.telephone?.purposes ?? []), p] : (draft.telephone?.purposes ?? []).filter((x: string) => x !== p) })} />
                ))}
              </div>
            </fieldset>
            <fieldset className="cds--fieldset">
              <legend className="cds--label">{t('secondaryPurposes', 'Secondary purposes allowed, and who approves them')}</legend>
              {SECONDARY_PURPOSES.map((p) => {
                const entry = (draft.secondaryPurposes ?? []).find((s: { purpose: string }) => s.purpose === p);
                return (
                  <div key={p} className={styles.row}>
                    <Checkbox id={`secondary-${p}`} disabled={!mayChange} labelText={humanise(p)} checked={Boolean(entry)} onChange={(_: unknown, { checked }: { checked: boolean }) => set('secondaryPurposes', checked ? [...(draft.secondaryPurposes ?? []), { purpose: p }] : draft.secondaryPurposes.filter((s: { purpose: string }) => s.purpose !== p))} />
                    {entry ? (
                      <TextInput id={`approver-${p}`} size="sm" disabled={!mayChange} labelText={t('approverRole', 'Approved by (optional)')} value={entry.approverRole ?? ''} onChange={(e) => set('secondaryPurposes', draft.secondaryPurposes.map((s: { purpose: string }) => (s.purpose === p ? { ...s, approverRole: e.target.value || undefined } : s)))} />
                    ) : null}
                  </div>
                );
              })}
            </fieldset>
            <div className={styles.row}>
              <TextInput id="jurisdiction" disabled={!mayChange} labelText={t('jurisdiction', 'Jurisdiction (REC-2)')} value={draft.jurisdiction ?? ''} invalid={Boolean(invalidText('jurisdiction'))} invalidText={invalidText('jurisdiction')} onChange={(e) => set('jurisdiction', e.target.value)} />
              <TextInput id="record-class" disabled={!mayChange} labelText={t('recordClass', 'Record class (REC-2)')} value={draft.recordClass ?? ''} invalid={Boolean(invalidText('recordClass'))} invalidText={invalidText('recordClass')} onChange={(e) => set('recordClass', e.target.value)} />
            </div>
            <RadioButtonGroup legendText={t('missingNote', 'When an encounter has no clinical note (REC-3)')} name="missing-note" valueSelected={draft.missingNote} onChange={(v: any) => set('missingNote', String(v))} disabled={!mayChange}>
              <RadioButton id="missing-block" value="BLOCK" labelText={t('missingBlock', 'Block completing the recording')} />
              <RadioButton id="missing-flag" value="FLAG" labelText={t('missingFlag', 'Flag it and list it until a note exists')} />
            </RadioButtonGroup>
            {saved ? <InlineNotification kind="success" lowContrast title={saved} role="status" onCloseButtonClick={() => setSaved(undefined)} /> : null}
            <Refusal error={error} />
            {conflict ? (
              <div className={styles.stack} data-testid="conflict">
                <h2 className={styles.title}>{t('changedMeanwhile', 'What changed meanwhile')}</h2>
                <DiffTable changes={conflict} label={t('changedMeanwhile', 'What changed meanwhile')} />
                <div>
                  <Button kind="secondary" onClick={() => current.reload()}>
                    {t('reloadPolicy', 'Load the current version')}
                  </Button>
                </div>
              </div>
            ) : null}
            {mayChange ? (
              <div className={styles.actions}>
                <Button kind="ghost" onClick={() => current.reload()}>
                  {t('discard', 'Discard changes')}
                </Button>
                <Button kind="primary" onClick={save}>
                  {t('savePolicy', 'Save policy')}
                </Button>
              </div>
            ) : null}
          </div>
        ) : null}
      </section>
      {chosen ? <PolicyHistory site={chosen} api={policies} generation={etag} /> : null}
      {chosen && chosen !== DEFAULT_POLICY ? <PolicyFile site={chosen} api={policies} onImported={() => current.reload()} /> : null}
    </div>
  );
}

function PolicyHistory({ site, api, generation }: { site: string; api: PolicyAdminApi; generation?: string }) {
  const { t } = useTranslation();
  const versions = useLoad(() => api.versions(site), [site, generation]);
  const [from, setFrom] = useState<number>();
  const [to, setTo] = useState<number>();
  const numbers: number[] = (versions.data ?? []).map((v) => v.version).sort((a: number, b: number) => a - b);
  const a = from ?? numbers[Math.max(0, numbers.length - 2)];
  const b = to ?? numbers[numbers.length - 1];
  const diff = useLoad(async () => (a && b ? api.diff(site, a, b) : []), [site, a, b]);
  return (
    <section className={styles.widget} aria-labelledby="history-title">
      <h2 id="history-title" className={styles.title}>
        {t('policyHistory', 'Versions and what changed (POL-2)')}
      </h2>
      {versions.error ? <Refusal error={versions.error} /> : null}
      <div className={styles.row}>
        <Select id="diff-from" labelText={t('fromVersion', 'From version')} value={a ?? ''} onChange={(e) => setFrom(Number(e.target.value))}>
          {numbers.map((n) => (
            <SelectItem key={n} value={n} text={String(n)} />
          ))}
        </Select>
        <Select id="diff-to" labelText={t('toVersion', 'To version')} value={b ?? ''} onChange={(e) => setTo(Number(e.target.value))}>
          {numbers.map((n) => (
            <SelectItem key={n} value={n} text={String(n)} />
          ))}
        </Select>
      </div>
      {diff.error ? <Refusal error={diff.error} /> : null}
      {diff.data && a !== b ? <DiffTable changes={diff.data} label={t('policyDiff', 'Differences between the versions')} /> : null}
    </section>
  );
}

function PolicyFile({ site, api, onImported }: { site: string; api: PolicyAdminApi; onImported: () => void }) {
  const { t } = useTranslation();
  const mayChange = useCan(PRIVILEGES.policy);
  const [file, setFile] = useState<string>();
  const [report, setReport] = useState<ImportReport>();
  const [error, setError] = useState<unknown>();
  const [applied, setApplied] = useState(false);

  async function exportFile() {
    setError(undefined);
    try {
      const content = await api.exportFile(site);
      const url = URL.createObjectURL(new Blob([JSON.stringify(content, null, 2)], { type: 'application/json' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `site-policies-${site}.json`;
      link.click();
      URL.revokeObjectURL(url);
    } catch (e) {
      setError(e);
    }
  }

  async function check(text: string) {
    setFile(text);
    setReport(undefined);
    setApplied(false);
    setError(undefined);
    try {
      setReport(await api.importFile(text, true));
    } catch (e) {
      setError(e);
    }
  }

  async function apply() {
    setError(undefined);
    try {
      setReport(await api.importFile(file!, false));
      setApplied(true);
      onImported();
    } catch (e) {
      setError(e);
    }
  }

  return (
    <section className={styles.widget} aria-labelledby="file-title">
      <h2 id="file-title" className={styles.title}>
        {t('policyFile', 'Policy file')}
      </h2>
      <div className={styles.stack}>
        <div>
          <Button kind="tertiary" onClick={exportFile}>
            {t('exportPolicy', 'Export to a file')}
          </Button>
        </div>
        {mayChange ? (
          <div>
            <label htmlFor="import-file" className="cds--label">
              {t('importFile', 'Import a policy file (checked first; nothing is applied until you confirm)')}
            </label>
            <input id="import-file" type="file" accept="application/json,.json" onChange={(e) => e.target.files?.[0]?.text().then(check)} />
          </div>
        ) : null}
        <Refusal error={error} />
        {report ? (
          <div className={styles.stack} data-testid="import-report">
            <p>
              {report.dryRun
                ? t('dryRunReport', 'What the import would do (nothing is applied yet):')
                : t('importApplied', 'Imported:')}
            </p>
            <ul>
              {report.outcomes.map((o, i) => (
                <li key={i}>
                  {humanise(o.kind)} {o.id}: {humanise(o.status)}
                  {o.fromVersion !== undefined ? ` (${o.fromVersion} → ${o.toVersion ?? o.fromVersion})` : ''}
                </li>
              ))}
            </ul>
            {report.dryRun && !report.unchanged && !applied ? (
              <div>
                <Button kind="primary" onClick={apply}>
                  {t('applyImport', 'Apply the import')}
                </Button>
              </div>
            ) : null}
          </div>
        ) : null}
      </div>
    </section>
  );
}
