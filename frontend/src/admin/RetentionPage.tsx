// SPDX-License-Identifier: MPL-2.0
import { useState } from 'react';
import { Button, InlineNotification, Select, SelectItem, SkeletonText, Table, TableBody, TableCell, TableHead, TableHeader, TableRow, Tag, TextInput } from '@carbon/react';
import { useTranslation } from 'react-i18next';
import { RefusalError } from '../api/refusal';
import { PRIVILEGES } from '../api/session';
import { useApi, useCan } from '../components/api-context';
import { humanise } from '../components/format';
import { Refusal } from '../components/Refusal';
import { sentenceFor } from '../errors/sentences';
import { useLoad } from '../components/useLoad';
import styles from '../components/styles.module.scss';

type Rule = Record<string, any>;

/** A retention rule (REC-2) in words: "8 years after the last treatment", "the latest of …". */
export function ruleText(rule: Rule | undefined): string {
  if (!rule) return '—';
  switch (rule.rule) {
    case 'yearsAfterLastTreatment':
      return `${rule.years} years after the last treatment`;
    case 'yearsAfterDeath':
      return `${rule.years} years after death`;
    case 'untilBirthday':
      return `until the ${rule.birthday}th birthday`;
    case 'whileAlive':
      return 'while the patient is alive';
    case 'aged':
      return `aged ${rule.from}${rule.to !== undefined ? ` to ${rule.to}` : ' or over'} when treatment ended: ${ruleText(rule.then)}`;
    case 'latestOf':
      return `the latest of: ${(rule.of ?? []).map(ruleText).join('; ')}`;
    default:
      return humanise(String(rule.rule ?? ''));
  }
}

/** The kinds of rule a schedule entry can be, in words, and what a new one of each starts as. */
const RULE_KINDS: Array<{ rule: string; label: string; start: () => Rule }> = [
  { rule: 'yearsAfterLastTreatment', label: 'Years after the last treatment', start: () => ({ rule: 'yearsAfterLastTreatment', years: 8 }) },
  { rule: 'yearsAfterDeath', label: 'Years after death', start: () => ({ rule: 'yearsAfterDeath', years: 10 }) },
  { rule: 'untilBirthday', label: 'Until a birthday', start: () => ({ rule: 'untilBirthday', birthday: 25 }) },
  { rule: 'whileAlive', label: 'While the patient is alive', start: () => ({ rule: 'whileAlive' }) },
  { rule: 'aged', label: 'By age when treatment ended', start: () => ({ rule: 'aged', from: 0, to: 16, then: { rule: 'untilBirthday', birthday: 25 } }) },
  { rule: 'latestOf', label: 'The latest of several rules', start: () => ({ rule: 'latestOf', of: [{ rule: 'yearsAfterLastTreatment', years: 8 }] }) },
];

/** The server's reasons about one field of the rule being edited (paths as the server gives them: ".then.years"). */
type ErrorsAt = (path: string) => string;

function wholeNumber(text: string): number | string {
  return /^\s*-?\d+\s*$/.test(text) ? Number(text) : text;
}

/**
 * One retention rule as a form (REC-2): its kind, its numbers, and for "by age" and "the latest of" the rules inside
 * it, each with the server's own reason beside the field it is about.
 */
export function RuleEditor({ id, rule, path, onChange, errorsAt }: { id: string; rule: Rule; path: string; onChange: (rule: Rule) => void; errorsAt: ErrorsAt }) {
  const { t } = useTranslation();
  const number = (key: string, label: string, optional = false) => (
    <TextInput
      id={`${id}-${key}`}
      labelText={label}
      inputMode="numeric"
      value={rule[key] === undefined || rule[key] === null ? '' : String(rule[key])}
      placeholder={optional ? t('noUpperAge', 'none: or over') : undefined}
      invalid={Boolean(errorsAt(`${path}.${key}`))}
      invalidText={errorsAt(`${path}.${key}`)}
      aria-describedby={errorsAt(`${path}.${key}`) ? `${id}-${key}-error-msg` : undefined}
      onChange={(e: { target: { value: string } }) => {
        const value = e.target.value;
        const next = { ...rule };
        if (optional && value.trim() === '') delete next[key];
        else next[key] = wholeNumber(value);
        onChange(next);
      }}
    />
  );
  return (
    <div className={styles.stack} data-testid="rule-editor">
      <Select
        id={`${id}-kind`}
        labelText={t('ruleKind', 'Kept')}
        value={rule.rule}
        invalid={Boolean(errorsAt(`${path}.rule`))}
        invalidText={errorsAt(`${path}.rule`)}
        aria-describedby={errorsAt(`${path}.rule`) ? `${id}-kind-error-msg` : undefined}
        onChange={(e: { target: { value: string } }) => onChange(RULE_KINDS.find((k) => k.rule === e.target.value)!.start())}
      >
        {RULE_KINDS.map((k) => (
          <SelectItem key={k.rule} value={k.rule} text={t(`retentionRule.${k.rule}`, k.label)} />
        ))}
      </Select>
      {rule.rule === 'yearsAfterLastTreatment' || rule.rule === 'yearsAfterDeath' ? number('years', t('years', 'Years')) : null}
      {rule.rule === 'untilBirthday' ? number('birthday', t('birthday', 'Birthday (age in years)')) : null}
      {rule.rule === 'aged' ? (
        <fieldset className="cds--fieldset">
          <legend className="cds--label">{t('agedWhen', 'For patients of this age when their treatment ended')}</legend>
          <div className={styles.row}>
            {number('from', t('ageFrom', 'From age'))}
            {number('to', t('ageTo', 'Up to age (empty: or over)'), true)}
          </div>
          <RuleEditor id={`${id}-then`} rule={rule.then ?? { rule: 'whileAlive' }} path={`${path}.then`} errorsAt={errorsAt} onChange={(then) => onChange({ ...rule, then })} />
        </fieldset>
      ) : null}
      {rule.rule === 'latestOf' ? (
        <fieldset className="cds--fieldset">
          <legend className="cds--label">{t('latestOfRules', 'Kept until the latest of these')}</legend>
          {errorsAt(`${path}.of`) ? <p className="cds--form-requirement" style={{ display: 'block' }}>{errorsAt(`${path}.of`)}</p> : null}
          {(rule.of ?? []).map((inner: Rule, i: number) => (
            <div key={i} className={styles.widget}>
              <RuleEditor
                id={`${id}-of-${i}`}
                rule={inner}
                path={`${path}.of[${i}]`}
                errorsAt={errorsAt}
                onChange={(changed) => onChange({ ...rule, of: rule.of.map((r: Rule, j: number) => (j === i ? changed : r)) })}
              />
              <Button kind="ghost" size="sm" onClick={() => onChange({ ...rule, of: rule.of.filter((_: Rule, j: number) => j !== i) })}>
                {t('removeRule', 'Remove this rule')}
              </Button>
            </div>
          ))}
          <Button kind="ghost" size="sm" onClick={() => onChange({ ...rule, of: [...(rule.of ?? []), { rule: 'yearsAfterLastTreatment', years: 8 }] })}>
            {t('addRule', 'Add a rule')}
          </Button>
        </fieldset>
      ) : null}
      <p className={styles.muted}>{t('ruleReadsAs', 'Reads as: {{text}}', { text: ruleText(rule) })}</p>
    </div>
  );
}

type Schedule = Record<string, any>;

/** The record classes of REC-2 as a records manager names them; an unknown class is shown from its code. */
const RECORD_CLASSES: Record<string, string> = {
  GENERAL: 'General health record',
  GP: 'GP record',
  MENTAL_HEALTH: 'Mental health record',
  MATERNITY: 'Maternity record',
};

export function recordClassName(code: string): string {
  return RECORD_CLASSES[code] ?? humanise(code);
}

/** The server's reasons at a path of the rule, in words; the empty string when it gave none. */
function reasonsAt(error: unknown, path: string): string {
  if (!(error instanceof RefusalError)) return '';
  return error.issues
    .filter((i) => (i.path ?? '') === path)
    .map((i) => `${i.message} (${i.code ?? error.status})`)
    .join(' ');
}

/** One record class's rule: in words, and for a policy manager a form that saves it as the schedule's next version. */
function ScheduleEntry({ schedule, recordClass, rule, mayChange, onSaved, onConflict }: { schedule: Schedule; recordClass: string; rule: Rule; mayChange: boolean; onSaved: (message: string) => void; onConflict: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [draft, setDraft] = useState<Rule | undefined>();
  const [error, setError] = useState<unknown>();
  const id = `rule-${schedule.jurisdiction}-${recordClass}`;

  async function save() {
    setError(undefined);
    try {
      const answer = await api.admin.http.request<Schedule>(
        `${api.admin.base}/retention-schedules/${encodeURIComponent(schedule.jurisdiction)}/classes/${encodeURIComponent(recordClass)}`,
        { method: 'PUT', json: draft, headers: { 'If-Match': `"${schedule.version}"` } },
      );
      setDraft(undefined);
      onSaved(t('scheduleSaved', 'Saved: the {{jurisdiction}} schedule is now version {{version}}, used for every retention end worked out from now on.', { jurisdiction: humanise(schedule.jurisdiction), version: answer.body.version }));
    } catch (e) {
      setError(e);
      if (e instanceof RefusalError && e.has('VER-1')) onConflict();
    }
  }

  const unplaced = error instanceof RefusalError ? error.issues.filter((i) => !(i.path ?? '').startsWith('.') && (i.path ?? '') !== '') : [];
  return (
    <TableRow data-testid="schedule-entry">
      <TableCell>{recordClassName(recordClass)}</TableCell>
      {/* While editing, the cell keeps the page's own background (a row's hover colour would dim the error text). */}
      <TableCell style={draft ? { background: 'var(--cds-layer-01, #ffffff)' } : undefined}>
        {draft ? (
          <div className={styles.stack}>
            <RuleEditor id={id} rule={draft} path="" onChange={setDraft} errorsAt={(path) => reasonsAt(error, path)} />
            {error instanceof RefusalError && error.has('VER-1') ? (
              <InlineNotification kind="warning" lowContrast hideCloseButton title={t('scheduleConflict', 'Someone changed this schedule since you opened it. Now in force for this class: {{rule}}. Check your change and save again.', { rule: ruleText(rule) })} />
            ) : null}
            {error && !(error instanceof RefusalError && (error.has('REC-2') || error.has('VER-1'))) ? <Refusal error={error} /> : null}
            {unplaced.map((i, n) => (
              <p key={n} className="cds--form-requirement" style={{ display: 'block' }}>
                {`${sentenceFor(i).sentence} ${i.message}`}
              </p>
            ))}
            <div className={styles.row}>
              <Button size="sm" onClick={save}>
                {t('saveRule', 'Save as the next version')}
              </Button>
              <Button size="sm" kind="secondary" onClick={() => { setDraft(undefined); setError(undefined); }}>
                {t('cancel', 'Cancel')}
              </Button>
            </div>
          </div>
        ) : (
          ruleText(rule)
        )}
      </TableCell>
      <TableCell>
        {mayChange && !draft ? (
          <Button kind="ghost" size="sm" onClick={() => setDraft(structuredClone(rule))} aria-label={t('changeRuleFor', 'Change the rule for {{recordClass}}', { recordClass: recordClassName(recordClass) })}>
            {t('change', 'Change')}
          </Button>
        ) : null}
      </TableCell>
    </TableRow>
  );
}

/** Earlier versions of a jurisdiction's schedule, each rule in words (REC-2 changes are versioned, never overwritten). */
function ScheduleVersions({ jurisdiction }: { jurisdiction: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const versions = useLoad(
    () => api.admin.http.json<{ versions: Schedule[] }>(`${api.admin.base}/retention-schedules/${encodeURIComponent(jurisdiction)}/versions`),
    [jurisdiction],
  );
  if (versions.loading) return <SkeletonText />;
  if (versions.error) return <Refusal error={versions.error} onRetry={versions.reload} />;
  if (versions.data!.versions.length === 0) return <p className={styles.muted}>{t('noScheduleVersions', 'No changes yet: the schedule is as shipped.')}</p>;
  return (
    <Table size="sm" data-testid="schedule-versions" aria-label={t('scheduleVersions', 'Versions of the {{jurisdiction}} schedule', { jurisdiction: humanise(jurisdiction) })}>
      <TableHead>
        <TableRow>
          <TableHeader>{t('version', 'Version')}</TableHeader>
          <TableHeader>{t('keptFor', 'Kept')}</TableHeader>
        </TableRow>
      </TableHead>
      <TableBody>
        {[...versions.data!.versions].reverse().map((v) => (
          <TableRow key={v.version}>
            <TableCell>{v.version}</TableCell>
            <TableCell>
              {Object.entries(v.classes ?? {}).map(([recordClass, rule]) => (
                <div key={recordClass}>{`${recordClassName(recordClass)}: ${ruleText(rule as Rule)}`}</div>
              ))}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** The retention schedules in force, by jurisdiction and record class (REC-2); a policy manager changes a rule here. */
export function RetentionPage() {
  const { t } = useTranslation();
  const api = useApi();
  const mayChange = useCan(PRIVILEGES.policy);
  const [saved, setSaved] = useState<string>();
  const [history, setHistory] = useState<string>();
  const schedules = useLoad(() => api.admin.http.json<{ retentionSchedules: Rule[] }>(`${api.admin.base}/retention-schedules`), []);
  if (schedules.loading && !schedules.data) return <SkeletonText paragraph />;
  if (schedules.error) return <Refusal error={schedules.error} onRetry={schedules.reload} />;
  return (
    <div className={styles.stack}>
      {!mayChange ? <p className={styles.muted}>{t('scheduleReadOnly', 'Changing a retention schedule needs the Manage Policy privilege; you can read them.')}</p> : null}
      {saved ? <InlineNotification kind="success" lowContrast role="status" title={saved} onClose={() => setSaved(undefined)} /> : null}
      {schedules.data!.retentionSchedules.map((s) => (
        <section key={s.jurisdiction} className={styles.widget} aria-labelledby={`schedule-${s.jurisdiction}`}>
          <h1 id={`schedule-${s.jurisdiction}`} className={styles.title}>
            {t('retentionSchedule', 'Retention schedule: {{jurisdiction}}', { jurisdiction: humanise(s.jurisdiction) })}{' '}
            <Tag type="gray">{t('scheduleVersion', 'version {{version}}', { version: s.version })}</Tag>
            {s.shipped && s.version === 0 ? <Tag type="blue">{t('shipped', 'as shipped')}</Tag> : null}
            {s.shipped && s.version > 0 ? <Tag type="purple">{t('changedFromShipped', 'changed locally')}</Tag> : null}
          </h1>
          <Table size="sm" aria-label={t('retentionSchedule', 'Retention schedule: {{jurisdiction}}', { jurisdiction: humanise(s.jurisdiction) })}>
            <TableHead>
              <TableRow>
                <TableHeader>{t('recordClass', 'Record class (REC-2)')}</TableHeader>
                <TableHeader>{t('keptFor', 'Kept')}</TableHeader>
                <TableHeader>
                  <span className="cds--visually-hidden">{t('actions', 'Actions')}</span>
                </TableHeader>
              </TableRow>
            </TableHead>
            <TableBody>
              {Object.entries(s.classes ?? {}).map(([recordClass, rule]) => (
                <ScheduleEntry
                  key={recordClass}
                  schedule={s}
                  recordClass={recordClass}
                  rule={rule as Rule}
                  mayChange={mayChange}
                  onSaved={(message) => {
                    setSaved(message);
                    schedules.reload();
                  }}
                  onConflict={schedules.reload}
                />
              ))}
            </TableBody>
          </Table>
          <Button kind="ghost" size="sm" onClick={() => setHistory(history === s.jurisdiction ? undefined : s.jurisdiction)} aria-expanded={history === s.jurisdiction}>
            {history === s.jurisdiction ? t('hideVersions', 'Hide earlier versions') : t('showVersions', 'Show earlier versions')}
          </Button>
          {history === s.jurisdiction ? <ScheduleVersions key={`${s.jurisdiction}-${s.version}`} jurisdiction={s.jurisdiction} /> : null}
        </section>
      ))}
    </div>
  );
}
