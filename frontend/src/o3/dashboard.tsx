// SPDX-License-Identifier: MPL-2.0
import { RecordingsDashboard } from '../components/RecordingsDashboard';

/** The patient chart's Recordings dashboard: the patient's id comes from the chart. */
export default function Dashboard({ patientUuid, defaultSite }: { patientUuid: string; defaultSite?: string }) {
  return <RecordingsDashboard patientId={patientUuid} defaultSiteId={defaultSite} />;
}
