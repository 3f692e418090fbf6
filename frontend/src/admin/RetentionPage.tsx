// SPDX-License-Identifier: MPL-2.0
import { SkeletonText, Table, TableBody, TableCell, TableHead, TableHeader, TableRow, Tag } from '@carbon/react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../components/api-context';
import { humanise } from '../components/format';
import { Refusal } from '../components/Refusal';
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

/** The retention schedules in force, by jurisdiction and record class (REC-2). */
export function RetentionPage() {
  const { t } = useTranslation();
  const api = useApi();
  const schedules = useLoad(() => api.admin.http.json<{ retentionSchedules: Rule[] }>(`${api.admin.base}/retention-schedules`), []);
  if (schedules.loading) return <SkeletonText paragraph />;
  if (schedules.error) return <Refusal error={schedules.error} onRetry={schedules.reload} />;
  return (
    <div className={styles.stack}>
      {schedules.data!.retentionSchedules.map((s) => (
        <section key={s.jurisdiction} className={styles.widget} aria-labelledby={`schedule-${s.jurisdiction}`}>
          <h1 id={`schedule-${s.jurisdiction}`} className={styles.title}>
            {t('retentionSchedule', 'Retention schedule: {{jurisdiction}}', { jurisdiction: humanise(s.jurisdiction) })}{' '}
            <Tag type="gray">{t('scheduleVersion', 'version {{version}}', { version: s.version })}</Tag>
            {s.shipped ? <Tag type="blue">{t('shipped', 'as shipped')}</Tag> : null}
          </h1>
          <Table size="sm" aria-label={t('retentionSchedule', 'Retention schedule: {{jurisdiction}}', { jurisdiction: humanise(s.jurisdiction) })}>
            <TableHead>
              <TableRow>
                <TableHeader>{t('recordClass', 'Record class (REC-2)')}</TableHeader>
                <TableHeader>{t('keptFor', 'Kept')}</TableHeader>
              </TableRow>
            </TableHead>
            <TableBody>
              {Object.entries(s.classes ?? {}).map(([recordClass, rule]) => (
                <TableRow key={recordClass}>
                  <TableCell>{humanise(recordClass)}</TableCell>
                  <TableCell>{ruleText(rule as Rule)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </section>
      ))}
    </div>
  );
}
