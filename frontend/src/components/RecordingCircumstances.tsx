// SPDX-License-Identifier: MPL-2.0
import { Button, Checkbox, Select, SelectItem, TextInput } from '@carbon/react';
import { useTranslation } from 'react-i18next';
import type { CapturedParty } from '../api/recordings';
import { useApi } from './api-context';
import { useLoad } from './useLoad';
import styles from './styles.module.scss';

export interface Circumstances {
  /** PAT-3: the area's code, or undefined when it was not in one of the site's no-filming areas (or is not known). */
  area?: string;
  /** STF-2: the other people captured. */
  parties: CapturedParty[];
}

const ROLES: Array<{ role: CapturedParty['role']; label: string }> = [
  { role: 'STAFF', label: 'A member of staff' },
  { role: 'VISITOR', label: 'A visitor or relative' },
  { role: 'PATIENT', label: 'Another patient' },
];

/**
 * Where at the site a recording is made (PAT-3: the site's no-filming areas; a clinician is refused there, a patient's
 * own recording made there is kept and entered on the register of site-policy breaches) and who else it captures, each
 * with their consent (STF-2: the recording cannot be shared beyond direct care until all have consented).
 */
export function RecordingCircumstances({ siteId, value, onChange, disabled, idPrefix }: { siteId?: string; value: Circumstances; onChange: (value: Circumstances) => void; disabled?: boolean; idPrefix: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const areas = useLoad(() => (siteId ? api.admin.noFilmingAreas(siteId).catch(() => []) : Promise.resolve([])), [siteId]);
  const setParty = (i: number, party: CapturedParty) => onChange({ ...value, parties: value.parties.map((p, j) => (j === i ? party : p)) });
  return (
    <div className={styles.stack}>
      {(areas.data ?? []).length > 0 ? (
        <Select
          id={`${idPrefix}-area`}
          labelText={t('recordingArea', 'Where at the site (PAT-3)')}
          value={value.area ?? ''}
          disabled={disabled}
          onChange={(e) => onChange({ ...value, area: e.target.value || undefined })}
        >
          <SelectItem value="" text={t('notInNoFilmingArea', 'Not in a no-filming area, or not known')} />
          {areas.data!.map((a) => (
            <SelectItem key={a.code} value={a.code} text={t('inNoFilmingArea', 'In {{area}} (no filming there)', { area: a.name })} />
          ))}
        </Select>
      ) : null}
      <fieldset className="cds--fieldset">
        <legend className="cds--label">{t('otherPeople', 'Other people captured (STF-2)')}</legend>
        {value.parties.map((party, i) => (
          <div key={i} className={styles.row} data-testid="captured-party">
            <Select id={`${idPrefix}-party-${i}-role`} labelText={t('partyRole', 'Who')} value={party.role} disabled={disabled} onChange={(e) => setParty(i, { ...party, role: e.target.value as CapturedParty['role'] })}>
              {ROLES.map((r) => (
                <SelectItem key={r.role} value={r.role} text={t(`partyRole.${r.role}`, r.label)} />
              ))}
            </Select>
            <TextInput id={`${idPrefix}-party-${i}-description`} labelText={t('partyDescription', 'Name or description')} value={party.description} disabled={disabled} onChange={(e) => setParty(i, { ...party, description: e.target.value })} />
            <Checkbox id={`${idPrefix}-party-${i}-consented`} labelText={t('partyConsented', 'They consented')} checked={party.consented} disabled={disabled} onChange={(_: unknown, { checked }: { checked: boolean }) => setParty(i, { ...party, consented: checked })} />
            <Button kind="ghost" size="sm" disabled={disabled} onClick={() => onChange({ ...value, parties: value.parties.filter((_, j) => j !== i) })}>
              {t('removeParty', 'Remove')}
            </Button>
          </div>
        ))}
        <Button kind="ghost" size="sm" disabled={disabled} onClick={() => onChange({ ...value, parties: [...value.parties, { role: 'STAFF', description: '', consented: false }] })}>
          {t('addParty', 'Someone else is in it')}
        </Button>
      </fieldset>
    </div>
  );
}

/** Whether every party captured is described, as the server requires. */
export function circumstancesComplete(value: Circumstances): boolean {
  return value.parties.every((p) => p.description.trim() !== '');
}
