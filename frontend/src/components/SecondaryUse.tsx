// SPDX-License-Identifier: MPL-2.0
import { useRef, useState } from 'react';
import { Button, InlineNotification, Select, SelectItem, TextInput } from '@carbon/react';
import { useTranslation } from 'react-i18next';
import type { Recording } from '../api/recordings';
import { FileUpload, type UploadProgress } from '../api/upload';
import { baseContentType, SECONDARY_PURPOSES } from '../api/vocabulary';
import { useApi } from './api-context';
import { humanise } from './format';
import { Refusal } from './Refusal';
import { UploadProgressBar } from './UploadProgressBar';
import styles from './styles.module.scss';

type DeIdentification = 'ANONYED' | 'PSEUDED' | 'MASKED';

/** How a copy is de-identified (SEC-3), as HL7's ObservationValue codes say it, in words. */
const LEVELS: Array<{ code: DeIdentification; label: string }> = [
  { code: 'ANONYED', label: 'Anonymised: nobody in it can be identified' },
  { code: 'PSEUDED', label: 'Pseudonymised: identifiers replaced by codes' },
  { code: 'MASKED', label: 'Masked: identifying parts redacted' },
];

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
  const [level, setLevel] = useState<DeIdentification>('ANONYED');
  const [method, setMethod] = useState('');
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string>();
  const [derivative, setDerivative] = useState<Recording>();
  const [file, setFile] = useState<File>();
  const [progress, setProgress] = useState<UploadProgress>();
  const [busy, setBusy] = useState(false);
  const upload = useRef<FileUpload>();

  async function request() {
    setError(undefined);
    try {
      if (how === 'anonymised') {
        setDerivative(await api.recordings.anonymisedDerivative(recording.id, purpose, level, method.trim()));
      } else {
        await api.recordings.disclose(recording.id, { purpose, recipient });
        setDone(t('disclosed', 'The disclosure was recorded.'));
      }
    } catch (e) {
      setError(e);
    }
  }

  /** Sends the de-identified content to the copy (again after a failure: it resumes) and completes it. */
  async function sendCopy() {
    setBusy(true);
    setError(undefined);
    try {
      if (!upload.current) {
        upload.current = new FileUpload(
          api.http,
          `${api.config.fhirBase}/Media/${encodeURIComponent(derivative!.id)}/$binary-access-write`,
          file!,
          baseContentType(file!.type || 'application/octet-stream'),
          setProgress,
        );
      }
      await upload.current.run();
      await api.recordings.complete(derivative!.id);
      setDone(t('derivativeComplete', 'The de-identified copy is complete and can be used for {{purpose}}.', { purpose: t(`purpose.${purpose}`, humanise(purpose)).toLowerCase() }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  if (derivative) {
    return (
      <section className={styles.widget} aria-labelledby="derivative-title">
        <h2 id="derivative-title" className={styles.title}>
          {t('derivativeTitle', 'The de-identified copy')}
        </h2>
        <div className={styles.stack}>
          <p>
            {t('derivativeStartedText', 'A copy was started for {{purpose}}, {{level}}. Upload the de-identified content, made with what you described, to complete it; until then it holds nothing.', {
              purpose: t(`purpose.${purpose}`, humanise(purpose)).toLowerCase(),
              level: t(`level.${level}`, LEVELS.find((l) => l.code === level)!.label).toLowerCase(),
            })}
          </p>
          {!done ? (
            <div>
              <label htmlFor="derivative-file" className="cds--label">
                {t('derivativeFile', 'The de-identified content (audio, video or image)')}
              </label>
              <input id="derivative-file" type="file" accept="audio/*,video/*,image/*" disabled={upload.current !== undefined} onChange={(e) => setFile(e.target.files?.[0])} />
            </div>
          ) : null}
          {progress ? <UploadProgressBar progress={progress} /> : null}
          {done ? <InlineNotification kind="success" lowContrast hideCloseButton title={done} /> : null}
          <Refusal error={error} />
          <div className={styles.actions}>
            <Button kind="ghost" onClick={() => { upload.current?.cancel(); onDone(); }}>
              {done ? t('close', 'Close') : t('later', 'Later')}
            </Button>
            {!done ? (
              <Button kind="primary" onClick={sendCopy} disabled={!file || busy}>
                {upload.current && error ? t('resumeUpload', 'Resume upload') : t('uploadAndComplete', 'Upload and complete the copy')}
              </Button>
            ) : null}
          </div>
        </div>
      </section>
    );
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
        {how === 'anonymised' ? (
          <div className={styles.row}>
            <Select id="secondary-level" labelText={t('deIdentification', 'How it is de-identified')} value={level} onChange={(e) => setLevel(e.target.value as DeIdentification)}>
              {LEVELS.map((l) => (
                <SelectItem key={l.code} value={l.code} text={t(`level.${l.code}`, l.label)} />
              ))}
            </Select>
            <TextInput id="secondary-method" labelText={t('deIdentificationMethod', 'What was done (e.g. faces blurred, voices altered, names bleeped)')} value={method} onChange={(e) => setMethod(e.target.value)} />
          </div>
        ) : null}
        {done ? <InlineNotification kind="success" lowContrast hideCloseButton title={done} /> : null}
        <Refusal error={error} />
        <div className={styles.actions}>
          <Button kind="ghost" onClick={done ? onDone : onCancel}>
            {done ? t('close', 'Close') : t('cancel', 'Cancel')}
          </Button>
          {!done ? (
            <Button kind="primary" onClick={request} disabled={how === 'identifiable' ? !recipient.trim() : !method.trim()}>
              {t('requestUse', 'Request this use')}
            </Button>
          ) : null}
        </div>
      </div>
    </section>
  );
}
