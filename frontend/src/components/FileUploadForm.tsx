// SPDX-License-Identifier: MPL-2.0
import { useRef, useState } from 'react';
import { Button, Checkbox, Select, SelectItem, TextInput } from '@carbon/react';
import { useTranslation } from 'react-i18next';
import type { Recording } from '../api/recordings';
import { FileUpload, type UploadProgress } from '../api/upload';
import { baseContentType, KINDS, SECONDARY_PURPOSES } from '../api/vocabulary';
import { useApi } from './api-context';
import { humanise } from './format';
import { UploadProgressBar } from './UploadProgressBar';
import { Refusal } from './Refusal';
import { circumstancesComplete, RecordingCircumstances, type Circumstances } from './RecordingCircumstances';
import styles from './styles.module.scss';

export interface FileUploadFormProps {
  patientId: string;
  siteId: string;
  encounterId?: string;
  onDone: (recording: Recording) => void;
  onCancel: () => void;
}

/**
 * Uploading an existing recording, also a patient's own copy (PAT-2: received when and obtained how): progress, speed
 * and time left; after an interruption it resumes from what the server acknowledged.
 */
export function FileUploadForm({ patientId, siteId, encounterId, onDone, onCancel }: FileUploadFormProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [file, setFile] = useState<File>();
  const [kind, setKind] = useState('CONSULTATION');
  const [purposes, setPurposes] = useState<string[]>(['DIRECT_CARE']);
  const [patientsCopy, setPatientsCopy] = useState(false);
  const [received, setReceived] = useState(new Date().toISOString().slice(0, 10));
  const [obtainedBy, setObtainedBy] = useState('');
  const [circumstances, setCircumstances] = useState<Circumstances>({ parties: [] });
  const [progress, setProgress] = useState<UploadProgress>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const upload = useRef<FileUpload>();
  const recording = useRef<Recording>();

  async function begin() {
    if (!file) return;
    setBusy(true);
    setError(undefined);
    try {
      const contentType = baseContentType(file.type || 'application/octet-stream');
      recording.current = await api.recordings.start({
        patientId,
        siteId,
        encounterId,
        kind,
        purposes: patientsCopy ? ['PATIENT_OWN_USE', ...purposes.filter((p) => p !== 'PATIENT_OWN_USE')] : purposes,
        contentType,
        initiator: patientsCopy ? 'PATIENT' : 'CLINICIAN',
        sharedCopy: patientsCopy ? { received: new Date(`${received}T12:00:00Z`).toISOString(), obtainedBy } : undefined,
        area: circumstances.area,
        capturedParties: circumstances.parties,
      });
      upload.current = new FileUpload(
        api.http,
        `${api.config.fhirBase}/Media/${encodeURIComponent(recording.current.id)}/$binary-access-write`,
        file,
        contentType,
        setProgress,
      );
      await send();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }

  async function send() {
    setBusy(true);
    setError(undefined);
    try {
      await upload.current!.run();
      onDone(await api.recordings.complete(recording.current!.id));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const started = upload.current !== undefined;

  return (
    <section className={styles.widget} aria-labelledby="upload-title">
      <h2 id="upload-title" className={styles.title}>
        {t('uploadTitle', 'Upload a recording')}
      </h2>
      <div className={styles.stack}>
        <div>
          <label htmlFor="upload-file" className="cds--label">
            {t('chooseFile', 'Recording file (audio, video or image)')}
          </label>
          <input id="upload-file" type="file" accept="audio/*,video/*,image/*" disabled={started} onChange={(e) => setFile(e.target.files?.[0])} />
        </div>
        <div className={styles.row}>
          <Select id="upload-kind" labelText={t('kind', 'Kind')} value={kind} disabled={started} onChange={(e) => setKind(e.target.value)}>
            {KINDS.map((k) => (
              <SelectItem key={k} value={k} text={humanise(k)} />
            ))}
          </Select>
        </div>
        <fieldset className="cds--fieldset">
          <legend className="cds--label">{t('purposes', 'Purposes')}</legend>
          <div className={styles.row}>
            {['DIRECT_CARE', ...SECONDARY_PURPOSES].map((p) => (
              <Checkbox key={p} id={`up-purpose-${p}`} disabled={started} labelText={t(`purpose.${p}`, humanise(p))} checked={purposes.includes(p)} onChange={(_: unknown, { checked }: { checked: boolean }) => setPurposes((all) => (checked ? [...all, p] : all.filter((x) => x !== p)))} />
            ))}
          </div>
        </fieldset>
        <Checkbox id="patients-copy" disabled={started} labelText={t('patientsCopy', 'This is the patient’s own recording, shared with us (PAT-2)')} checked={patientsCopy} onChange={(_: unknown, { checked }: { checked: boolean }) => setPatientsCopy(checked)} />
        {patientsCopy ? (
          <div className={styles.row}>
            <TextInput id="received" type="date" labelText={t('received', 'Date received')} value={received} disabled={started} onChange={(e) => setReceived(e.target.value)} />
            <TextInput id="obtained-by" labelText={t('obtainedBy', 'How it was obtained')} value={obtainedBy} disabled={started} onChange={(e) => setObtainedBy(e.target.value)} />
          </div>
        ) : null}
        <RecordingCircumstances idPrefix="upload" siteId={siteId} value={circumstances} onChange={setCircumstances} disabled={started} />
        {progress ? <UploadProgressBar progress={progress} /> : null}
        <Refusal error={error} />
        <div className={styles.actions}>
          <Button kind="ghost" onClick={() => { upload.current?.cancel(); onCancel(); }}>
            {t('cancel', 'Cancel')}
          </Button>
          {!started ? (
            <Button kind="primary" onClick={begin} disabled={!file || busy || purposes.length === 0 || (patientsCopy && !obtainedBy.trim()) || !circumstancesComplete(circumstances)}>
              {t('upload', 'Upload')}
            </Button>
          ) : null}
          {started && error && !busy ? (
            <Button kind="primary" onClick={send}>
              {t('resumeUpload', 'Resume upload')}
            </Button>
          ) : null}
        </div>
      </div>
    </section>
  );
}
