// SPDX-License-Identifier: MPL-2.0
import { useEffect, useRef, useState } from 'react';
import { Button, Checkbox, InlineNotification, Select, SelectItem } from '@carbon/react';
import { useTranslation } from 'react-i18next';
import type { Recording } from '../api/recordings';
import { ChunkedUpload } from '../api/upload';
import { baseContentType, SECONDARY_PURPOSES } from '../api/vocabulary';
import { useApi } from './api-context';
import { formatBytes, formatDuration, humanise } from './format';
import { Refusal } from './Refusal';
import { circumstancesComplete, RecordingCircumstances, type Circumstances } from './RecordingCircumstances';
import styles from './styles.module.scss';

export interface RecorderProps {
  patientId: string;
  siteId: string;
  encounterId?: string;
  /** The consent the recording is made under (withdrawn when the patient asks to stop). */
  consentId?: string;
  onFinished: (recording: Recording) => void;
  onSealed: (recordingId: string) => void;
  onCancel: () => void;
}

type Phase = 'setup' | 'recording' | 'finishing' | 'stopped';

/** Preferred container formats, most widely playable first. */
const VIDEO_TYPES = ['video/webm;codecs=vp8,opus', 'video/webm', 'video/mp4'];
const AUDIO_TYPES = ['audio/webm;codecs=opus', 'audio/webm', 'audio/ogg', 'audio/mp4'];

function supported(types: string[]): string {
  const recorder = (globalThis as { MediaRecorder?: typeof MediaRecorder }).MediaRecorder;
  return types.find((type) => recorder?.isTypeSupported?.(type)) ?? types[types.length - 1];
}

/**
 * Recording in the browser: audio or video from the chosen device, streamed to the server in chunks while it records
 * (resumable; nothing acknowledged is lost), a visible recording indicator with the elapsed time, and the large
 * "Patient asked to stop" control, which stops at once and seals what was captured (CON-5).
 */
export function Recorder({ patientId, siteId, encounterId, consentId, onFinished, onSealed, onCancel }: RecorderProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [phase, setPhase] = useState<Phase>('setup');
  const [mode, setMode] = useState<'video' | 'audio'>('video');
  const [purposes, setPurposes] = useState<string[]>(['DIRECT_CARE']);
  const [circumstances, setCircumstances] = useState<Circumstances>({ parties: [] });
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const [camera, setCamera] = useState('');
  const [microphone, setMicrophone] = useState('');
  const [error, setError] = useState<unknown>();
  const [elapsed, setElapsed] = useState(0);
  const [sent, setSent] = useState(0);
  const [recordingId, setRecordingId] = useState<string>();
  const stream = useRef<MediaStream>();
  const recorder = useRef<MediaRecorder>();
  const upload = useRef<ChunkedUpload>();
  const preview = useRef<HTMLVideoElement>(null);
  const stopButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    navigator.mediaDevices
      ?.enumerateDevices()
      .then(setDevices)
      .catch(() => setDevices([]));
    return () => release();
  }, []);

  useEffect(() => {
    if (phase !== 'recording') return;
    const started = Date.now();
    const timer = setInterval(() => setElapsed((Date.now() - started) / 1000), 250);
    stopButton.current?.focus();
    return () => clearInterval(timer);
  }, [phase]);

  function release() {
    stream.current?.getTracks().forEach((track) => track.stop());
    stream.current = undefined;
  }

  async function start() {
    setError(undefined);
    try {
      const media = await navigator.mediaDevices.getUserMedia({
        audio: microphone ? { deviceId: { exact: microphone } } : true,
        video: mode === 'video' ? (camera ? { deviceId: { exact: camera } } : true) : false,
      });
      stream.current = media;
      const mimeType = supported(mode === 'video' ? VIDEO_TYPES : AUDIO_TYPES);
      const contentType = baseContentType(mimeType);
      const recording = await api.recordings.start({
        patientId,
        siteId,
        encounterId,
        kind: 'CONSULTATION',
        purposes,
        contentType,
        area: circumstances.area,
        capturedParties: circumstances.parties,
      });
      setRecordingId(recording.id);
      if (preview.current && mode === 'video') {
        preview.current.srcObject = media;
      }
      const chunks = new ChunkedUpload(
        api.http,
        `${api.config.fhirBase}/Media/${encodeURIComponent(recording.id)}/$binary-access-write`,
        contentType,
        (p) => setSent(p.acknowledged),
        64 * 1024,
      );
      upload.current = chunks;
      const mediaRecorder = new MediaRecorder(media, { mimeType });
      mediaRecorder.ondataavailable = (event) => chunks.append(event.data);
      recorder.current = mediaRecorder;
      mediaRecorder.start(1000);
      setPhase('recording');
    } catch (e) {
      release();
      setError(e);
    }
  }

  /** Ends normally: the rest is sent, the recording completed, then the patient confirms (CON-7). */
  async function finish() {
    setPhase('finishing');
    const mediaRecorder = recorder.current!;
    await new Promise<void>((resolve) => {
      mediaRecorder.onstop = () => resolve();
      mediaRecorder.stop();
    });
    release();
    await sendRest();
  }

  /** Sends what the server has not acknowledged and completes the recording; again after a failure, it resumes. */
  async function sendRest() {
    setError(undefined);
    try {
      await upload.current!.resume();
      onFinished(await api.recordings.complete(recordingId!));
    } catch (e) {
      setError(e);
    }
  }

  /** CON-5: the patient asked to stop. Capture ends now; nothing more is sent; the server seals what it holds. */
  async function patientAskedToStop() {
    upload.current?.abort();
    if (recorder.current && recorder.current.state !== 'inactive') {
      recorder.current.ondataavailable = null;
      recorder.current.stop();
    }
    release();
    setPhase('stopped');
    try {
      if (consentId) {
        // The withdrawal takes effect when the server records it; nothing captured after it is kept.
        await api.consents.withdraw(consentId, {
          duringRecording: recordingId,
          comment: 'The patient asked for the recording to stop and withdrew consent',
        });
      } else {
        await api.recordings.stop(recordingId!);
      }
      onSealed(recordingId!);
    } catch (e) {
      setError(e);
    }
  }

  const cameras = devices.filter((d) => d.kind === 'videoinput');
  const microphones = devices.filter((d) => d.kind === 'audioinput');

  return (
    <section className={styles.widget} aria-labelledby="recorder-title">
      <h2 id="recorder-title" className={styles.title}>
        {t('newRecording', 'New recording')}
      </h2>
      {phase === 'setup' ? (
        <div className={styles.stack}>
          <div className={styles.row}>
            <Select id="record-mode" labelText={t('recordWhat', 'Record')} value={mode} onChange={(e) => setMode(e.target.value as 'video' | 'audio')}>
              <SelectItem value="video" text={t('videoAndSound', 'Video and sound')} />
              <SelectItem value="audio" text={t('soundOnly', 'Sound only')} />
            </Select>
            {mode === 'video' ? (
              <Select id="camera" labelText={t('camera', 'Camera')} value={camera} onChange={(e) => setCamera(e.target.value)}>
                <SelectItem value="" text={t('defaultDevice', 'Default')} />
                {cameras.map((d, i) => (
                  <SelectItem key={d.deviceId || i} value={d.deviceId} text={d.label || `${t('camera', 'Camera')} ${i + 1}`} />
                ))}
              </Select>
            ) : null}
            <Select id="microphone" labelText={t('microphone', 'Microphone')} value={microphone} onChange={(e) => setMicrophone(e.target.value)}>
              <SelectItem value="" text={t('defaultDevice', 'Default')} />
              {microphones.map((d, i) => (
                <SelectItem key={d.deviceId || i} value={d.deviceId} text={d.label || `${t('microphone', 'Microphone')} ${i + 1}`} />
              ))}
            </Select>
          </div>
          <fieldset className="cds--fieldset">
            <legend className="cds--label">{t('recordingPurposes', 'Purposes (the consent must cover each, CON-1)')}</legend>
            <div className={styles.row}>
              {['DIRECT_CARE', ...SECONDARY_PURPOSES].map((p) => (
                <Checkbox key={p} id={`rec-purpose-${p}`} labelText={t(`purpose.${p}`, humanise(p))} checked={purposes.includes(p)} onChange={(_: unknown, { checked }: { checked: boolean }) => setPurposes((all) => (checked ? [...all, p] : all.filter((x) => x !== p)))} />
              ))}
            </div>
          </fieldset>
          <RecordingCircumstances idPrefix="record" siteId={siteId} value={circumstances} onChange={setCircumstances} />
          <Refusal error={error} />
          <div className={styles.actions}>
            <Button kind="ghost" onClick={onCancel}>
              {t('cancel', 'Cancel')}
            </Button>
            <Button kind="primary" onClick={start} disabled={purposes.length === 0 || !circumstancesComplete(circumstances)}>
              {t('startRecording', 'Start recording')}
            </Button>
          </div>
        </div>
      ) : null}
      {phase !== 'setup' ? (
        <div className={styles.stack}>
          {mode === 'video' ? <video ref={preview} className={styles.preview} autoPlay muted playsInline aria-label={t('preview', 'Camera preview')} /> : null}
          {phase === 'recording' ? (
            <>
              <div className={styles.recordingBar} role="status" aria-live="polite">
                <span className={styles.dot} aria-hidden="true" />
                <strong>{t('recordingNow', 'Recording')}</strong>
                <span data-testid="elapsed" aria-label={t('elapsed', 'Elapsed time')}>{formatDuration(elapsed)}</span>
                <span className={styles.muted}>{t('sentSoFar', '{{size}} safely on the server', { size: formatBytes(sent) })}</span>
              </div>
              <Button ref={stopButton} kind="danger" size="2xl" className={styles.stopButton} onClick={patientAskedToStop}>
                {t('patientAskedToStop', 'Patient asked to stop')}
              </Button>
              <Button kind="secondary" onClick={finish}>
                {t('endRecording', 'End recording')}
              </Button>
            </>
          ) : null}
          {phase === 'finishing' && !error ? <p role="status">{t('finishing', 'Sending the rest of the recording…')}</p> : null}
          {phase === 'stopped' && !error ? (
            <InlineNotification kind="info" lowContrast hideCloseButton role="status" title={t('stopping', 'Recording stopped. Sealing what was captured…')} />
          ) : null}
          <Refusal error={error} onRetry={phase === 'finishing' ? sendRest : undefined} />
        </div>
      ) : null}
    </section>
  );
}
