// SPDX-License-Identifier: MPL-2.0
import { ProgressBar } from '@carbon/react';
import { useTranslation } from 'react-i18next';
import type { UploadProgress } from '../api/upload';
import { formatBytes, formatDuration } from './format';

/** How far an upload has got, as the server acknowledged it: bytes, speed and time left. */
export function UploadProgressBar({ progress }: { progress: UploadProgress }) {
  const { t } = useTranslation();
  const percent = progress.total ? (100 * progress.acknowledged) / progress.total : 0;
  return (
    <div data-testid="upload-progress">
      <ProgressBar
        label={t('uploading', 'Uploading')}
        value={percent}
        max={100}
        helperText={t('uploadHelper', '{{done}} of {{total}} · {{speed}}/s · {{left}} left', {
          done: formatBytes(progress.acknowledged),
          total: formatBytes(progress.total),
          speed: formatBytes(progress.bytesPerSecond),
          left: formatDuration(progress.secondsLeft),
        })}
      />
    </div>
  );
}
