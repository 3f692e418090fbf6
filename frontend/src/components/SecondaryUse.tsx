// SPDX-License-Identifier: MPL-2.0
import { useState } from 'react';
import { Button, InlineNotification, Select, SelectItem, TextInput } from '@carbon/react';
import { useTranslation } from 'react-i18next';
import type { Recording } from '../api/recordings';
import { SECONDARY_PURPOSES } from '../api/vocabulary';
import { useApi } from './api-context';
import { humanise } from './format';
import { Refusal } from './Refusal';
import styles from './styles.module.scss';

/**
 * Asking to use a recording for a secondary purpose (SEC-1, SEC-2): as an anonymised copy (SEC-3) or, identifiable,
 * as a disclosure to a named recipient. A refusal says which rule and what it needs (consent, an anonymised copy).
 */
export function SecondaryUse({ recording, onDone, onCancel }: { recording: Recording; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [purpose, setPurpose] = useState<string>('TRAINING');
  const [how, setHow] = useState<'anonymised' | 'identifiable'>('anonymised');
  const [recipient, setRecipient] = useState('');
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string>();

  async function request() {
    setError(undefined);
    try {
      if (how === 'anonymised') {
        const derivative = await api.recordings.anonymisedDerivative(recording.id, purpose, 'ANONYED', 'Faces blurred and voices altered');
        setDone(t('derivativeStarted', 'An anonymised copy was started ({{id}}); upload its de-identified content to complete it.', { id: derivative.id }));
      } else {
        await api.recordings.disclose(recording.id, { purpose, recipient });
        setDone(t('disclosed', 'The disclosure was recorded.'));
      }
    } catch (e) {
      setError(e);
    }
  }

  return (
    <section className={styles.widget} aria-labelledby="secondary-title">
      <h2 id="secondary-title" className={styles.title}>
        {t('secondaryUse', 'Use for another purpose')}
      </h2>
      <div className={styles.stack}>
        <div className={styles.row}>
          <Select id="secondary-purpose" labelText={t('purpose', 'Purpose')} value={purpose} onChange={(e) => setPurpose(e.target.value)}>
            {SECONDARY_PURPOSES.map((p) => (
              <SelectItem key={p} value={p} text={t(`purpose.${p}`, humanise(p))} />
            ))}
          </Select>
          <Select id="secondary-how" labelText={t('how', 'As')} value={how} onChange={(e) => setHow(e.target.value as 'anonymised' | 'identifiable')}>
            <SelectItem value="anonymised" text={t('anonymisedCopy', 'An anonymised copy (SEC-3)')} />
            <SelectItem value="identifiable" text={t('identifiable', 'The identifiable recording (needs consent, SEC-1)')} />
          </Select>
          {how === 'identifiable' ? (
            <TextInput id="recipient" labelText={t('recipient', 'Recipient')} value={recipient} onChange={(e) => setRecipient(e.target.value)} />
          ) : null}
        </div>
        {done ? <InlineNotification kind="success" lowContrast hideCloseButton title={done} /> : null}
        <Refusal error={error} />
        <div className={styles.actions}>
          <Button kind="ghost" onClick={done ? onDone : onCancel}>
            {done ? t('close', 'Close') : t('cancel', 'Cancel')}
          </Button>
          {!done ? (
            <Button kind="primary" onClick={request} disabled={how === 'identifiable' && !recipient.trim()}>
              {t('requestUse', 'Request this use')}
            </Button>
          ) : null}
        </div>
      </div>
    </section>
  );
}
