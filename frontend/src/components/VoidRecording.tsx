// SPDX-License-Identifier: MPL-2.0
import { useState } from 'react';
import { Button, TextArea } from '@carbon/react';
import { useTranslation } from 'react-i18next';
import type { Recording } from '../api/recordings';
import { useApi } from './api-context';
import { formatDateTime, humanise } from './format';
import { Refusal } from './Refusal';
import styles from './styles.module.scss';

/**
 * Voiding a recording made in error, e.g. of the wrong patient (REC-1): a recording is never deleted, so voiding marks
 * it entered in error with the reason, keeps its content for the retention period, and writes the reason into the
 * encounter's notes. The reason is required; the server's refusal (e.g. without the privilege) is shown in words.
 */
export function VoidRecording({ recording, onDone, onCancel }: { recording: Recording; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  async function submit() {
    setTried(true);
    setError(undefined);
    if (!reason.trim()) return;
    setBusy(true);
    try {
      await api.recordings.void(recording.id, reason.trim());
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className={styles.widget} aria-labelledby="void-title">
      <h2 id="void-title" className={styles.title}>
        {t('voidTitle', 'Void a recording made in error')}
      </h2>
      <div className={styles.stack}>
        <p>
          {t('voidWhat', '{{kind}} of {{date}}, {{status}}.', {
            kind: humanise(recording.kind),
            date: formatDateTime(recording.start),
            status: humanise(recording.status.replace(/-/g, '_')),
          })}
        </p>
        <p className={styles.muted}>
          {t(
            'voidExplained',
            'A recording is part of the clinical record and is never deleted (REC-1). Voiding marks it as entered in error, keeps its content for the retention period, and writes your reason into the encounter’s notes.',
          )}
        </p>
        <TextArea
          id="void-reason"
          labelText={t('voidReason', 'Why it was made in error (e.g. recorded for the wrong patient)')}
          value={reason}
          invalid={tried && !reason.trim()}
          invalidText={t('required', 'Required')}
          onChange={(e) => setReason(e.target.value)}
        />
        {error ? <Refusal error={error} /> : null}
        <div className={styles.row}>
          <Button kind="danger" onClick={submit} disabled={busy}>
            {t('voidButton', 'Void this recording')}
          </Button>
          <Button kind="secondary" onClick={onCancel}>
            {t('cancel', 'Cancel')}
          </Button>
        </div>
      </div>
    </section>
  );
}
