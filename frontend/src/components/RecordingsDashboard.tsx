// SPDX-License-Identifier: MPL-2.0
import { useState } from 'react';
import { Button, DataTableSkeleton, InlineNotification, Select, SelectItem, Tile } from '@carbon/react';
import { useTranslation } from 'react-i18next';
import { latestActiveConsent } from '../api/consents';
import type { Recording, RecordingFilters } from '../api/recordings';
import { PRIVILEGES } from '../api/session';
import { KINDS, SECONDARY_PURPOSES } from '../api/vocabulary';
import { useApi, useCan } from './api-context';
import { ConfirmRecording } from './ConfirmRecording';
import { ConsentForm } from './ConsentForm';
import { ConsentsPanel } from './ConsentsPanel';
import { FileUploadForm } from './FileUploadForm';
import { humanise } from './format';
import { NoticesBeforeStart } from './NoticesBeforeStart';
import { PatientOwnRecording } from './PatientOwnRecording';
import { Recorder } from './Recorder';
import { RecordingsTable } from './RecordingsTable';
import { VoidRecording } from './VoidRecording';
import { Refusal } from './Refusal';
import { SecondaryUse } from './SecondaryUse';
import { useLoad } from './useLoad';
import styles from './styles.module.scss';

type View =
  | { name: 'list' }
  | { name: 'consent' }
  | { name: 'record' }
  | { name: 'upload' }
  | { name: 'own' }
  | { name: 'review'; recording: Recording }
  | { name: 'secondary'; recording: Recording }
  | { name: 'void'; recording: Recording };

export interface RecordingsDashboardProps {
  patientId: string;
  /** The site recordings are made at when the encounter names none. */
  defaultSiteId?: string;
}

/**
 * The patient's recordings and everything a clinician does with them: the list with filters and the encounter's
 * notes, consent, recording in the browser, upload, confirmation after recording, withdrawal and other uses. The same
 * component is the O3 dashboard and the shell's patient page.
 */
export function RecordingsDashboard({ patientId, defaultSiteId }: RecordingsDashboardProps) {
  const { t } = useTranslation();
  const api = useApi();
  const mayCreate = useCan(PRIVILEGES.create);
  const mayConsent = useCan(PRIVILEGES.consent);
  const mayVoid = useCan(PRIVILEGES.records);
  const [view, setView] = useState<View>({ name: 'list' });
  const [filters, setFilters] = useState<RecordingFilters>({});
  const [message, setMessage] = useState<{ kind: 'success' | 'info'; text: string }>();

  const context = useLoad(async () => {
    const [patient, encounters, notes, consents, sites] = await Promise.all([
      api.host.patient(patientId).catch(() => undefined),
      api.host.encounters(patientId).catch(() => []),
      api.host.notes(patientId).catch(() => []),
      api.consents.forPatient(patientId),
      defaultSiteId ? Promise.resolve([]) : api.admin.sites().catch(() => []),
    ]);
    const latest = [...encounters].sort((a, b) => (b.start ?? '').localeCompare(a.start ?? ''))[0];
    const siteId = latest?.siteId ?? defaultSiteId ?? sites[0]?.site;
    return { patient, encounter: latest, notes, consents, siteId };
  }, [patientId, defaultSiteId]);
  const list = useLoad(() => api.recordings.search(patientId, filters), [patientId, filters]);

  function back(text?: string, kind: 'success' | 'info' = 'success') {
    setMessage(text ? { kind, text } : undefined);
    setView({ name: 'list' });
    context.reload();
    list.reload();
  }

  if (context.loading && !context.data) {
    return <DataTableSkeleton role="progressbar" aria-label={t('loading', 'Loading')} columnCount={6} rowCount={3} />;
  }
  if (context.error) {
    return <Refusal error={context.error} onRetry={context.reload} />;
  }
  const { patient, encounter, notes, consents, siteId } = context.data!;
  const activeConsent = latestActiveConsent(consents, 'CONSULTATION');

  if (view.name === 'consent') {
    return <ConsentForm patientId={patientId} siteId={siteId!} birthDate={patient?.birthDate} onCancel={() => back()} onDone={(_, decision) => back(decision === 'GIVEN' ? t('consentGiven', 'The patient’s consent was recorded and written into their record.') : t('consentRefused', 'The patient’s refusal was recorded and written into their record. No recording will be made for these purposes.'), decision === 'GIVEN' ? 'success' : 'info')} />;
  }
  if (view.name === 'record') {
    return (
      <div className={styles.stack}>
        <NoticesBeforeStart patientId={patientId} siteId={siteId} />
        <Recorder
          patientId={patientId}
          siteId={siteId!}
          encounterId={encounter?.id}
          consentId={activeConsent?.id}
          onCancel={() => back()}
          onFinished={(recording) => {
            list.reload();
            setView({ name: 'review', recording });
          }}
          onSealed={() => back(t('sealed', 'The recording was stopped and sealed: nobody can play, copy or share it, and it will be destroyed. The patient’s withdrawal is in their record (CON-5).'), 'info')}
        />
      </div>
    );
  }
  if (view.name === 'upload') {
    return <FileUploadForm patientId={patientId} siteId={siteId!} encounterId={encounter?.id} onCancel={() => back()} onDone={() => back(t('uploaded', 'The recording was uploaded and added to the record.'))} />;
  }
  if (view.name === 'own' && encounter) {
    return <PatientOwnRecording patientId={patientId} encounterId={encounter.id} onCancel={() => back()} onDone={() => back(t('ownNoted', 'Noted in the encounter’s notes.'))} />;
  }
  if (view.name === 'review') {
    return (
      <ConfirmRecording
        recording={view.recording}
        patientId={patientId}
        hasNote={notes.some((n) => n.encounterId === view.recording.encounterId)}
        onCancel={() => back()}
        onNoteWritten={() => context.reload()}
        onDone={(confirmed) => back(confirmed ? t('confirmed', 'The patient confirmed their consent after seeing the recording.') : t('notConfirmed', 'The patient did not confirm; the recording serves their direct care only.'), 'info')}
      />
    );
  }
  if (view.name === 'void') {
    return <VoidRecording recording={view.recording} onCancel={() => back()} onDone={() => back(t('voided', 'The recording was voided as entered in error; the reason is in the encounter’s notes.'), 'info')} />;
  }
  if (view.name === 'secondary') {
    return <SecondaryUse recording={view.recording} onCancel={() => back()} onDone={() => back()} />;
  }

  return (
    <div className={styles.stack}>
      <section className={styles.widget} aria-labelledby="recordings-title">
        <div className={styles.header}>
          <h2 id="recordings-title" className={styles.title}>
            {t('recordingsOf', 'Recordings')}
          </h2>
          <div className={styles.actions}>
            {mayConsent ? (
              <Button kind="secondary" onClick={() => setView({ name: 'consent' })} disabled={!siteId}>
                {t('recordConsentButton', 'Record consent')}
              </Button>
            ) : null}
            {mayCreate ? (
              <>
                <Button kind="primary" onClick={() => setView({ name: 'record' })} disabled={!siteId}>
                  {t('newRecordingButton', 'New recording')}
                </Button>
                <Button kind="tertiary" onClick={() => setView({ name: 'upload' })} disabled={!siteId}>
                  {t('uploadButton', 'Upload a file')}
                </Button>
              </>
            ) : null}
            {encounter && api.host.canWriteNotes ? (
              <Button kind="ghost" onClick={() => setView({ name: 'own' })}>
                {t('patientRecordedButton', 'Patient recorded it')}
              </Button>
            ) : null}
          </div>
        </div>
        {!mayCreate || !mayConsent ? (
          <p className={styles.muted}>
            {!mayCreate ? t('whyNoRecord', 'Recording needs the Create Recordings privilege. ') : null}
            {!mayConsent ? t('whyNoConsent', 'Recording consent needs the Manage Consent privilege.') : null}
          </p>
        ) : null}
        {message ? <InlineNotification kind={message.kind} lowContrast title={message.text} onCloseButtonClick={() => setMessage(undefined)} role="status" /> : null}
        <NoticesBeforeStart patientId={patientId} siteId={siteId} />
        <div className={styles.filters} role="search" aria-label={t('filters', 'Filter recordings')}>
          <Select id="filter-status" labelText={t('status', 'Status')} value={filters.status ?? ''} onChange={(e) => setFilters((f) => ({ ...f, status: e.target.value || undefined }))}>
            <SelectItem value="" text={t('any', 'Any')} />
            {['in-progress', 'completed', 'stopped', 'entered-in-error'].map((s) => (
              <SelectItem key={s} value={s} text={humanise(s.replace(/-/g, '_'))} />
            ))}
          </Select>
          <Select id="filter-kind" labelText={t('kind', 'Kind')} value={filters.kind ?? ''} onChange={(e) => setFilters((f) => ({ ...f, kind: e.target.value || undefined }))}>
            <SelectItem value="" text={t('any', 'Any')} />
            {KINDS.map((k) => (
              <SelectItem key={k} value={k} text={humanise(k)} />
            ))}
          </Select>
          <Select id="filter-purpose" labelText={t('purpose', 'Purpose')} value={filters.purpose ?? ''} onChange={(e) => setFilters((f) => ({ ...f, purpose: e.target.value || undefined }))}>
            <SelectItem value="" text={t('any', 'Any')} />
            {['DIRECT_CARE', 'PATIENT_OWN_USE', ...SECONDARY_PURPOSES].map((p) => (
              <SelectItem key={p} value={p} text={t(`purpose.${p}`, humanise(p))} />
            ))}
          </Select>
          <Select id="filter-consent" labelText={t('consent', 'Consent')} value={filters.consentStatus ?? ''} onChange={(e) => setFilters((f) => ({ ...f, consentStatus: e.target.value || undefined }))}>
            <SelectItem value="" text={t('any', 'Any')} />
            {['AWAITING_CONFIRMATION', 'CONFIRMED', 'REFUSED_AFTER_RECORDING', 'WITHDRAWN', 'NOT_REQUIRED', 'IMPLICIT'].map((c) => (
              <SelectItem key={c} value={c} text={humanise(c)} />
            ))}
          </Select>
        </div>
        {list.loading ? (
          <DataTableSkeleton columnCount={6} rowCount={2} showHeader={false} showToolbar={false} />
        ) : list.error ? (
          <Refusal error={list.error} onRetry={list.reload} />
        ) : list.data!.length === 0 ? (
          <Tile>
            <p>{t('noRecordings', 'There are no recordings for this patient.')}</p>
          </Tile>
        ) : (
          <RecordingsTable recordings={list.data!} notes={notes} onReview={(recording) => setView({ name: 'review', recording })} onSecondaryUse={(recording) => setView({ name: 'secondary', recording })} onVoid={mayVoid ? (recording) => setView({ name: 'void', recording }) : undefined} />
        )}
      </section>
      <section className={styles.widget} aria-labelledby="consents-title">
        <h2 id="consents-title" className={styles.title}>
          {t('consents', 'Consents')}
        </h2>
        <ConsentsPanel consents={consents} onChanged={() => back(t('withdrawn', 'The consent was withdrawn and the withdrawal written into the patient’s record.'), 'info')} />
      </section>
    </div>
  );
}
