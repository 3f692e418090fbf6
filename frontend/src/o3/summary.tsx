// SPDX-License-Identifier: MPL-2.0
import { RecordingsSummary } from '../components/RecordingsSummary';

/** The patient summary's widget. */
export default function Summary({ patientUuid }: { patientUuid: string }) {
  return <RecordingsSummary patientId={patientUuid} />;
}
