// SPDX-License-Identifier: MPL-2.0
import { useState } from 'react';
import { Button, Checkbox, InlineNotification, TextArea } from '@carbon/react';
import { useTranslation } from 'react-i18next';
import type { Recording } from '../api/recordings';
import { useApi } from './api-context';
import { Refusal } from './Refusal';
import styles from './styles.module.scss';

export interface ConfirmRecordingProps {
  recording: Recording;
  patientId: string;
  /** Whether the encounter already has its contemporaneous note (REC-3). */
  hasNote: boolean;
  onDone: (confirmed: boolean) => void;
  onNoteWritten: () => void;
  onCancel: () => void;
}

/**
 * After a clinician recording (CON-7): the patient sees or hears it (played from the server with Range requests, so
 * seeking works), then confirms or refuses; for operative-procedure footage the clinician attests the patient was
 * told what they would see. If the encounter has no note yet, the clinician is asked to write it (REC-3).
 */
export function ConfirmRecording({ recording, patientId, hasNote, onDone, onNoteWritten, onCancel }: ConfirmRecordingProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [offered, setOffered] = useState(false);
  const [told, setTold] = useState(false);
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const [note, setNote] = useState('');
  const [noteWritten, setNoteWritten] = useState(hasNote);
  const procedure = recording.kind === 'PROCEDURE';
  const src = api.recordings.contentUrl(recording.id);

  async function answer(confirmed: boolean) {
    setSaving(true);
    setError(undefined);
    try {
      await api.recordings.confirmConsent(recording.id, {
        confirmed,
        offeredToSeeOrHear: offered,
        toldWhatTheyWouldSee: procedure ? told : undefined,
      });
      onDone(confirmed);
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  }

  async function writeNote() {
    setError(undefined);
    try {
      await api.host.addNote(patientId, recording.encounterId!, note.trim());
      setNoteWritten(true);
      onNoteWritten();
    } catch (e) {
      setError(e);
    }
  }

  return (
    <section className={styles.widget} aria-labelledby="confirm-title">
      <h2 id="confirm-title" className={styles.title}>
        {t('confirmTitle', 'Show the patient the recording and ask them to confirm')}
      </h2>
      <div className={styles.stack}>
        {!noteWritten && recording.encounterId ? (
          <div className={styles.stack} data-testid="note-prompt">
            <InlineNotification kind="warning" lowContrast hideCloseButton title={t('noNote', 'This encounter has no clinical note yet. A recording does not replace the contemporaneous note (REC-3).')} subtitle={t('noNoteNext', 'Write the note now.')} />
            {api.host.canWriteNotes ? (
              <>
                <TextArea id="contemporaneous-note" labelText={t('clinicalNote', 'Clinical note for this encounter')} value={note} onChange={(e) => setNote(e.target.value)} />
                <div>
                  <Button kind="secondary" onClick={writeNote} disabled={!note.trim()}>
                    {t('saveNote', 'Save the note')}
                  </Button>
                </div>
              </>
            ) : (
              <p>{t('writeNoteInChart', 'Write it in the patient chart’s visit note.')}</p>
            )}
          </div>
        ) : null}
        {recording.mediaType === 'audio' || recording.contentType?.startsWith('audio/') ? (
          <audio controls preload="metadata" src={src} aria-label={t('playback', 'Play the recording')} onPlay={() => setOffered(true)} />
        ) : (
          <video controls preload="metadata" src={src} className={styles.preview} aria-label={t('playback', 'Play the recording')} onPlay={() => setOffered(true)} />
        )}
        <Checkbox id="offered" labelText={t('offered', 'The patient was offered the chance to see or hear the recording')} checked={offered} onChange={(_: unknown, { checked }: { checked: boolean }) => setOffered(checked)} />
        {procedure ? (
          <Checkbox id="told-what" labelText={t('toldWhat', 'Before viewing, the patient was told what they would see')} checked={told} onChange={(_: unknown, { checked }: { checked: boolean }) => setTold(checked)} />
        ) : null}
        <p className={styles.muted}>{t('untilConfirmed', 'Until the patient confirms, the recording serves their direct care only.')}</p>
        <Refusal error={error} />
        <div className={styles.actions}>
          <Button kind="ghost" onClick={onCancel}>
            {t('later', 'Later')}
          </Button>
          <Button kind="danger" onClick={() => answer(false)} disabled={saving || !offered}>
            {t('patientRefusesAfter', 'Patient does not confirm')}
          </Button>
          <Button kind="primary" onClick={() => answer(true)} disabled={saving || !offered || (procedure && !told)}>
            {t('patientConfirms', 'Patient confirms')}
          </Button>
        </div>
      </div>
    </section>
  );
}
