// SPDX-License-Identifier: MPL-2.0
import { useState } from 'react';
import { Button, RadioButton, RadioButtonGroup } from '@carbon/react';
import { useTranslation } from 'react-i18next';
import { useApi } from './api-context';
import { Refusal } from './Refusal';
import styles from './styles.module.scss';

/**
 * PAT-1: the patient recorded the consultation themself, for their own use. Nothing blocks or penalises that; the
 * clinician may note it in the encounter's notes, openly made or covertly made and then invited to record openly.
 */
export function PatientOwnRecording({ patientId, encounterId, onDone, onCancel }: { patientId: string; encounterId: string; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [how, setHow] = useState('openly');
  const [error, setError] = useState<unknown>();

  async function save() {
    setError(undefined);
    const text =
      how === 'openly'
        ? 'The patient recorded this consultation for their own use, openly (PAT-1).'
        : 'The patient was recording this consultation covertly and was invited to record openly (PAT-1).';
    try {
      await api.host.addNote(patientId, encounterId, text);
      onDone();
    } catch (e) {
      setError(e);
    }
  }

  return (
    <section className={styles.widget} aria-labelledby="own-title">
      <h2 id="own-title" className={styles.title}>
        {t('patientRecorded', 'The patient recorded the consultation')}
      </h2>
      <div className={styles.stack}>
        <p className={styles.muted}>{t('pat1', 'Patients may record their own consultation for their own use; this is never blocked (PAT-1).')}</p>
        <RadioButtonGroup legendText={t('howRecorded', 'How')} name="own-how" valueSelected={how} onChange={(v: any) => setHow(String(v))} orientation="vertical">
          <RadioButton id="own-openly" value="openly" labelText={t('openly', 'Openly')} />
          <RadioButton id="own-covertly" value="covertly" labelText={t('covertlyInvited', 'Covertly, then invited to record openly')} />
        </RadioButtonGroup>
        <Refusal error={error} />
        <div className={styles.actions}>
          <Button kind="ghost" onClick={onCancel}>
            {t('cancel', 'Cancel')}
          </Button>
          <Button kind="primary" onClick={save} disabled={!api.host.canWriteNotes}>
            {t('addToNotes', 'Add to the encounter’s notes')}
          </Button>
        </div>
      </div>
    </section>
  );
}
