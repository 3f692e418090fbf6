// SPDX-License-Identifier: MPL-2.0
import { Button, Table, TableBody, TableCell, TableContainer, TableHead, TableHeader, TableRow, Tag } from '@carbon/react';
import { useTranslation } from 'react-i18next';
import type { NoteSummary } from '../api/host';
import type { Recording } from '../api/recordings';
import { formatDate, formatDateTime, humanise } from './format';
import styles from './styles.module.scss';

const STATUS: Record<string, string> = {
  'in-progress': 'Recording',
  completed: 'Completed',
  stopped: 'Stopped',
  'entered-in-error': 'Voided',
};

const CONSENT: Record<string, { label: string; type: 'green' | 'red' | 'gray' | 'blue' | 'warm-gray' | 'purple' }> = {
  CONFIRMED: { label: 'Confirmed', type: 'green' },
  AWAITING_CONFIRMATION: { label: 'Awaiting confirmation', type: 'blue' },
  REFUSED_AFTER_RECORDING: { label: 'Refused after recording', type: 'red' },
  WITHDRAWN: { label: 'Withdrawn', type: 'gray' },
  NOT_REQUIRED: { label: 'Not required', type: 'warm-gray' },
  IMPLICIT: { label: 'Implicit', type: 'warm-gray' },
};

export interface RecordingsTableProps {
  recordings: Recording[];
  notes: NoteSummary[];
  onReview: (recording: Recording) => void;
  onSecondaryUse?: (recording: Recording) => void;
  /** Offered to users who may void recordings (REC-1), for any recording not already voided. */
  onVoid?: (recording: Recording) => void;
}

/**
 * The patient's recordings: kind, date, status, consent, purposes, retention end, legal hold, and the encounter's
 * notes beside each (REC-3). Only what the server answered is shown: covert recordings stay invisible without the
 * privilege (COV-2).
 */
export function RecordingsTable({ recordings, notes, onReview, onSecondaryUse, onVoid }: RecordingsTableProps) {
  const { t } = useTranslation();
  const notesOf = (encounterId?: string) => notes.filter((n) => encounterId && n.encounterId === encounterId);
  return (
    <TableContainer className={styles.tableWrapper}>
      <Table size="md" aria-label={t('recordings', 'Recordings')}>
        <TableHead>
          <TableRow>
            <TableHeader>{t('kind', 'Kind')}</TableHeader>
            <TableHeader>{t('date', 'Date')}</TableHeader>
            <TableHeader>{t('status', 'Status')}</TableHeader>
            <TableHeader>{t('consent', 'Consent')}</TableHeader>
            <TableHeader>{t('purposes', 'Purposes')}</TableHeader>
            <TableHeader>{t('retainedUntil', 'Kept until')}</TableHeader>
            <TableHeader>{t('encounterNotes', 'Encounter notes')}</TableHeader>
            <TableHeader>
              <span className="cds--visually-hidden">{t('actions', 'Actions')}</span>
            </TableHeader>
          </TableRow>
        </TableHead>
        <TableBody>
          {recordings.map((r) => {
            const consent = r.consentStatus ? CONSENT[r.consentStatus] : undefined;
            const encounterNotes = notesOf(r.encounterId);
            return (
              <TableRow key={r.id} data-testid="recording-row">
                <TableCell>
                  {humanise(r.kind)}
                  {r.mediaType ? <span className={styles.muted}> · {t(`media.${r.mediaType}`, humanise(r.mediaType))}</span> : null}
                  {r.initiator === 'PATIENT' ? <div className={styles.muted}>{t('patientsOwnCopy', 'Patient’s own copy')}</div> : null}
                  {r.area ? <div className={styles.muted}>{t('madeInArea', 'Made in area {{area}}', { area: r.area })}</div> : null}
                  {(r.capturedParties ?? []).length > 0 ? (
                    <div className={styles.muted} data-testid="captured-parties">
                      {t('alsoCaptured', 'Also captured: {{parties}}', {
                        parties: r.capturedParties!.map((p) => `${p.description} (${p.consented ? t('consentedShort', 'consented') : t('notConsentedShort', 'no consent')})`).join('; '),
                      })}
                    </div>
                  ) : null}
                </TableCell>
                <TableCell>{formatDateTime(r.start)}</TableCell>
                <TableCell>{t(`recordingStatus.${r.status}`, STATUS[r.status] ?? humanise(r.status))}</TableCell>
                <TableCell>
                  {consent ? <Tag type={consent.type}>{t(`mediaConsent.${r.consentStatus}`, consent.label)}</Tag> : humanise(r.consentStatus)}
                  {r.kind === 'TELEPHONE' ? (
                    <div className={styles.muted} data-testid="call-notice">
                      {r.callNotice
                        ? t('callNotice', 'Callers told by: {{means}}; notice at the start: {{explicit}}', {
                            means: r.callNotice.means.map(humanise).join(', ') || '—',
                            explicit: r.callNotice.explicitAtStart ? t('yes', 'Yes') : t('no', 'No'),
                          })
                        : t('noCallNotice', 'No notice recorded (TEL-2, TEL-3)')}
                    </div>
                  ) : null}
                </TableCell>
                <TableCell>{r.purposes.map((p) => t(`purpose.${p}`, humanise(p))).join(', ')}</TableCell>
                <TableCell>
                  {formatDate(r.retentionUntil)}
                  {r.legalHold ? (
                    <div>
                      <Tag type="purple">{t('legalHold', 'Legal hold')}</Tag>
                    </div>
                  ) : null}
                </TableCell>
                <TableCell>
                  {encounterNotes.length > 0 ? (
                    encounterNotes.map((n) => (
                      <p key={n.id} className={styles.note}>
                        {n.text}
                      </p>
                    ))
                  ) : r.encounterId ? (
                    <Tag type="red">{t('noNoteYet', 'No note yet (REC-3)')}</Tag>
                  ) : (
                    <span className={styles.muted}>—</span>
                  )}
                </TableCell>
                <TableCell>
                  <div className={styles.actions}>
                    {r.contentUrl && r.status !== 'entered-in-error' ? (
                      <Button kind={r.consentStatus === 'AWAITING_CONFIRMATION' ? 'primary' : 'secondary'} size="sm" onClick={() => onReview(r)}>
                        {r.consentStatus === 'AWAITING_CONFIRMATION' ? t('playAndConfirm', 'Play and confirm') : t('play', 'Play')}
                      </Button>
                    ) : null}
                    {onSecondaryUse && r.status === 'completed' ? (
                      <Button kind="secondary" size="sm" onClick={() => onSecondaryUse(r)}>
                        {t('otherUse', 'Other use')}
                      </Button>
                    ) : null}
                    {onVoid && r.status !== 'entered-in-error' ? (
                      <Button kind="ghost" size="sm" onClick={() => onVoid(r)}>
                        {t('void', 'Void')}
                      </Button>
                    ) : null}
                  </div>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
