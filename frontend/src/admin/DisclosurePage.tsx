// SPDX-License-Identifier: MPL-2.0
import { useState } from 'react';
import { Button, InlineNotification, ProgressBar, Select, SelectItem, TextInput } from '@carbon/react';
import { useTranslation } from 'react-i18next';
import { URLS } from '../api/urls';
import { useApi } from '../components/api-context';
import { formatBytes, humanise } from '../components/format';
import { Refusal } from '../components/Refusal';
import styles from '../components/styles.module.scss';

const MATTERS = ['COMPLAINT', 'CLAIM', 'INVESTIGATION', 'COURT_ORDER', 'REGULATOR'];

/** Reads a streamed body, reporting the bytes received (and the total when the server says it), into a Blob. */
async function download(response: Response, onProgress: (received: number, total?: number) => void): Promise<Blob> {
  const total = Number(response.headers.get('Content-Length')) || undefined;
  const reader = response.body!.getReader();
  const parts: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    received += value.length;
    onProgress(received, total);
  }
  return new Blob(parts as BlobPart[], { type: response.headers.get('Content-Type') ?? 'application/zip' });
}

function save(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}

/**
 * The records manager's disclosures: a recording's disclosure package for a matter (REC-6: the recording in full,
 * its metadata, consent history, hashes and audit trail) and a patient's subject-access export (REC-7), each
 * downloaded with a progress bar and recorded in the disclosures register.
 */
export function DisclosurePage() {
  const { t } = useTranslation();
  const api = useApi();
  const [recording, setRecording] = useState('');
  const [matter, setMatter] = useState('COMPLAINT');
  const [recipient, setRecipient] = useState('');
  const [patient, setPatient] = useState('');
  const [reference, setReference] = useState('');
  const [progress, setProgress] = useState<{ received: number; total?: number }>();
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string>();

  async function run(url: string, parameter: unknown[], name: string) {
    setError(undefined);
    setDone(undefined);
    setProgress({ received: 0 });
    try {
      const response = await api.http.stream(url, {
        method: 'POST',
        json: { resourceType: 'Parameters', parameter },
        headers: { 'Content-Type': 'application/fhir+json', Accept: 'application/zip' },
      });
      const blob = await download(response, (received, total) => setProgress({ received, total }));
      save(blob, name);
      setDone(t('downloaded', 'Downloaded {{size}}; the disclosure is on the register.', { size: formatBytes(blob.size) }));
    } catch (e) {
      setError(e);
    }
  }

  return (
    <div className={styles.stack}>
      <section className={styles.widget} aria-labelledby="disclose-title">
        <h1 id="disclose-title" className={styles.title}>
          {t('disclosurePackage', 'Disclosure package (REC-6)')}
        </h1>
        <div className={styles.row}>
          <TextInput id="disclose-recording" labelText={t('recordingId', 'Recording id')} value={recording} onChange={(e) => setRecording(e.target.value)} />
          <Select id="disclose-matter" labelText={t('matter', 'Matter')} value={matter} onChange={(e) => setMatter(e.target.value)}>
            {MATTERS.map((m) => (
              <SelectItem key={m} value={m} text={humanise(m)} />
            ))}
          </Select>
          <TextInput id="disclose-recipient" labelText={t('recipient', 'Recipient')} value={recipient} onChange={(e) => setRecipient(e.target.value)} />
          <Button
            kind="primary"
            disabled={!recording.trim() || !recipient.trim()}
            onClick={() =>
              run(
                `${api.config.fhirBase}/Media/${encodeURIComponent(recording.trim())}/$disclose`,
                [
                  { name: 'matter', valueCoding: { system: URLS.csLegalMatter, code: matter } },
                  { name: 'purpose', valueCoding: { system: URLS.actReason, code: 'HLEGAL' } },
                  { name: 'recipient', valueString: recipient.trim() },
                ],
                `disclosure-${recording.trim()}.zip`,
              )
            }
          >
            {t('buildPackage', 'Build and download')}
          </Button>
        </div>
      </section>
      <section className={styles.widget} aria-labelledby="sar-title">
        <h1 id="sar-title" className={styles.title}>
          {t('subjectAccess', 'Subject access export (REC-7)')}
        </h1>
        <div className={styles.row}>
          <TextInput id="sar-patient" labelText={t('patientId', 'Patient id')} value={patient} onChange={(e) => setPatient(e.target.value)} />
          <TextInput id="sar-reference" labelText={t('requestReference', 'Request reference')} value={reference} onChange={(e) => setReference(e.target.value)} />
          <Button
            kind="primary"
            disabled={!patient.trim()}
            onClick={() =>
              run(
                `${api.config.fhirBase}/Patient/${encodeURIComponent(patient.trim())}/$subject-access`,
                reference.trim() ? [{ name: 'reference', valueString: reference.trim() }] : [],
                `subject-access-${patient.trim()}.zip`,
              )
            }
          >
            {t('exportForPatient', 'Export for the patient')}
          </Button>
        </div>
      </section>
      {progress ? (
        <ProgressBar
          label={t('downloading', 'Downloading')}
          value={progress.total ? (100 * progress.received) / progress.total : undefined}
          max={100}
          helperText={progress.total ? `${formatBytes(progress.received)} / ${formatBytes(progress.total)}` : formatBytes(progress.received)}
        />
      ) : null}
      {done ? <InlineNotification kind="success" lowContrast role="status" title={done} onCloseButtonClick={() => setDone(undefined)} /> : null}
      <Refusal error={error} />
    </div>
  );
}
