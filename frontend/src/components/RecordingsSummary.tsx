// SPDX-License-Identifier: MPL-2.0
import { Button, SkeletonText, Tag } from '@carbon/react';
import { useTranslation } from 'react-i18next';
import { useApi } from './api-context';
import { formatDateTime, humanise } from './format';
import { Refusal } from './Refusal';
import { useLoad } from './useLoad';
import styles from './styles.module.scss';

/** The patient summary widget: the latest recordings and how many await the patient's confirmation (CON-7). */
export function RecordingsSummary({ patientId, onOpen }: { patientId: string; onOpen?: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { data, error, loading, reload } = useLoad(() => api.recordings.search(patientId), [patientId]);
  return (
    <section className={styles.widget} aria-labelledby="summary-title">
      <div className={styles.header}>
        <h2 id="summary-title" className={styles.title}>
          {t('recordingsOf', 'Recordings')}
        </h2>
        {onOpen ? (
          <Button kind="ghost" size="sm" onClick={onOpen}>
            {t('seeAll', 'See all')}
          </Button>
        ) : null}
      </div>
      {loading ? <SkeletonText paragraph lineCount={3} /> : null}
      {error ? <Refusal error={error} onRetry={reload} /> : null}
      {data && data.length === 0 ? <p className={styles.muted}>{t('noRecordings', 'There are no recordings for this patient.')}</p> : null}
      {data && data.length > 0 ? (
        <>
          {data.some((r) => r.consentStatus === 'AWAITING_CONFIRMATION') ? (
            <p>
              <Tag type="blue">
                {t('awaitingCount', '{{count}} awaiting the patient’s confirmation', {
                  count: data.filter((r) => r.consentStatus === 'AWAITING_CONFIRMATION').length,
                })}
              </Tag>
            </p>
          ) : null}
          <ul>
            {data.slice(0, 3).map((r) => (
              <li key={r.id}>
                {humanise(r.kind)} · {formatDateTime(r.start)} · {humanise(r.status.replace(/-/g, '_'))}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
