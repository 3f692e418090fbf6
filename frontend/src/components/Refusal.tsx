// SPDX-License-Identifier: MPL-2.0
import { ActionableNotification, InlineNotification } from '@carbon/react';
import { useTranslation } from 'react-i18next';
import { sentencesOf } from '../errors/sentences';
import styles from './styles.module.scss';

/**
 * A refusal as sentences: one per rule the server named, each with what to do next — never raw JSON. The rule's code
 * is shown small, for a conversation with support.
 */
export function Refusal({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (!error) {
    return null;
  }
  return (
    <div role="alert" className={styles.stack} data-testid="refusal">
      {sentencesOf(error).map((s, i) =>
        onRetry && i === 0 ? (
          <ActionableNotification
            key={i}
            kind="error"
            lowContrast
            hideCloseButton
            inline
            className={styles.refusal}
            title={t(`rule.${s.code ?? 'unknown'}`, s.sentence)}
            subtitle={`${t(`next.${s.code ?? 'unknown'}`, s.next)}${s.code ? ` (${s.code})` : ''}`}
            actionButtonLabel={t('tryAgain', 'Try again')}
            onActionButtonClick={onRetry}
          />
        ) : (
          <InlineNotification
            key={i}
            kind="error"
            lowContrast
            hideCloseButton
            className={styles.refusal}
            title={t(`rule.${s.code ?? 'unknown'}`, s.sentence)}
            subtitle={`${t(`next.${s.code ?? 'unknown'}`, s.next)}${s.code ? ` (${s.code})` : ''}`}
          />
        ),
      )}
    </div>
  );
}
