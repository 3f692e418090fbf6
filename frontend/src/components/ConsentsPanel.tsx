// SPDX-License-Identifier: MPL-2.0
import { useState } from 'react';
import { Button, Modal, Tag, TextArea } from '@carbon/react';
import { useTranslation } from 'react-i18next';
import type { ConsentSummary } from '../api/consents';
import { useApi, useCan } from './api-context';
import { formatDateTime, humanise } from './format';
import { Refusal } from './Refusal';
import { PRIVILEGES } from '../api/session';
import styles from './styles.module.scss';

const STATUS: Record<string, { label: string; type: 'green' | 'red' | 'gray' }> = {
  active: { label: 'Given', type: 'green' },
  rejected: { label: 'Refused', type: 'red' },
  inactive: { label: 'Withdrawn', type: 'gray' },
};

/** The patient's recording consents, each with Withdraw (CON-6; during a recording CON-5). */
export function ConsentsPanel({ consents, onChanged }: { consents: ConsentSummary[]; onChanged: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const mayManage = useCan(PRIVILEGES.consent);
  const [withdrawing, setWithdrawing] = useState<ConsentSummary>();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<unknown>();

  async function withdraw() {
    setError(undefined);
    try {
      await api.consents.withdraw(withdrawing!.id, { comment: comment.trim() || undefined });
      setWithdrawing(undefined);
      setComment('');
      onChanged();
    } catch (e) {
      setError(e);
    }
  }

  if (consents.length === 0) {
    return <p className={styles.muted}>{t('noConsents', 'No recording consent is on record.')}</p>;
  }
  return (
    <div className={styles.stack}>
      <ul aria-label={t('consents', 'Consents')} className={styles.stack}>
        {[...consents].sort((a, b) => (b.dateTime ?? '').localeCompare(a.dateTime ?? '')).map((c) => (
          <li key={c.id} className={styles.row} data-testid="consent">
            {c.supersededBy ? (
              <Tag type="gray">{t('consentSuperseded', 'Replaced by a later decision')}</Tag>
            ) : (
              <Tag type={STATUS[c.status]?.type ?? 'gray'}>{t(`consentStatus.${c.status}`, STATUS[c.status]?.label ?? c.status)}</Tag>
            )}
            <span>
              {c.kinds.map(humanise).join(', ')} — {c.purposes.map((p) => t(`purpose.${p}`, humanise(p))).join(', ')}
            </span>
            <span className={styles.muted}>{formatDateTime(c.dateTime)}</span>
            {c.status === 'active' ? (
              mayManage ? (
                <Button kind="danger--ghost" size="sm" onClick={() => setWithdrawing(c)}>
                  {t('withdrawConsent', 'Withdraw consent')}
                </Button>
              ) : (
                <span className={styles.muted}>{t('noConsentPrivilege', 'Withdrawing needs the Manage Consent privilege.')}</span>
              )
            ) : null}
          </li>
        ))}
      </ul>
      <Modal
        open={withdrawing !== undefined}
        danger
        modalHeading={t('withdrawHeading', 'Withdraw this consent?')}
        primaryButtonText={t('withdrawConsent', 'Withdraw consent')}
        secondaryButtonText={t('cancel', 'Cancel')}
        onRequestClose={() => setWithdrawing(undefined)}
        onRequestSubmit={withdraw}
      >
        <p>{t('withdrawExplained', 'From now on the recordings it covers can only be used as what remains agreed allows: recordings made only for other purposes are destroyed; those in the clinical record stay for direct care (CON-6).')}</p>
        <TextArea id="withdraw-comment" labelText={t('withdrawComment', 'What the patient said (optional)')} value={comment} onChange={(e) => setComment(e.target.value)} />
        <Refusal error={error} />
      </Modal>
    </div>
  );
}
