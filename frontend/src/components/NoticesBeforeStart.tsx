// SPDX-License-Identifier: MPL-2.0
import { InlineNotification, SkeletonText } from '@carbon/react';
import { useTranslation } from 'react-i18next';
import { useApi } from './api-context';
import { useLoad } from './useLoad';
import { Refusal } from './Refusal';
import styles from './styles.module.scss';

/**
 * What must be seen before anything starts: the patient's standing objection to being recorded (CON-10), staff who
 * have declined to be recorded (STF-1: another clinician may record) and the site's no-filming areas (PAT-3), and
 * for telephone recording the site's notices to callers (TEL-2).
 */
export function NoticesBeforeStart({ patientId, siteId }: { patientId: string; siteId?: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const { data, error, loading } = useLoad(async () => {
    const [standing, staff, areas] = await Promise.all([
      api.consents.standingObjections(patientId),
      api.consents.staffObjections().catch(() => []),
      siteId ? api.admin.noFilmingAreas(siteId).catch(() => []) : Promise.resolve([]),
    ]);
    return { standing, staff, areas };
  }, [patientId, siteId]);

  if (loading) {
    return <SkeletonText paragraph lineCount={2} />;
  }
  if (error) {
    return <Refusal error={error} />;
  }
  return (
    <section aria-label={t('beforeYouStart', 'Before you start')} className={styles.stack} data-testid="notices">
      {data!.standing.length > 0 ? (
        <InlineNotification
          kind="error"
          lowContrast
          hideCloseButton
          title={t('standingObjection', 'The patient has said they do not want to be recorded (CON-10).')}
          subtitle={t('standingObjectionNext', 'Do not record. The objection stays until the patient lifts it.')}
        />
      ) : null}
      {data!.staff.length > 0 ? (
        <InlineNotification
          kind="warning"
          lowContrast
          hideCloseButton
          title={t('staffObjection', 'Staff who have asked not to be recorded (STF-1): {{names}}.', {
            names: data!.staff.map((s) => s.who ?? s.id).join(', '),
          })}
          subtitle={t('staffObjectionNext', 'If one of them would be present, another clinician may record instead.')}
        />
      ) : null}
      {data!.areas.length > 0 ? (
        <InlineNotification
          kind="info"
          lowContrast
          hideCloseButton
          title={t('noFilmingAreas', 'No filming in: {{areas}} (PAT-3).', {
            areas: data!.areas.map((a) => a.name).join('; '),
          })}
          subtitle={t('noFilmingAreasNext', 'Make sure the recording is not made in these areas.')}
        />
      ) : null}
      {data!.standing.length === 0 && data!.staff.length === 0 && data!.areas.length === 0 ? (
        <p className={styles.muted}>{t('noObjections', 'No objection to recording is on record for this patient.')}</p>
      ) : null}
    </section>
  );
}
