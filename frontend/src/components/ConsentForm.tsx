// SPDX-License-Identifier: MPL-2.0
import { useMemo, useState } from 'react';
import {
  Button,
  Checkbox,
  InlineNotification,
  ProgressIndicator,
  ProgressStep,
  RadioButton,
  RadioButtonGroup,
  TextArea,
  TextInput,
} from '@carbon/react';
import { useTranslation } from 'react-i18next';
import { consultedOf, isChild, missingOf, type ConsentDraft, type ConsentSummary, type Decision, type GivenBy } from '../api/consents';
import { KINDS, SECONDARY_PURPOSES } from '../api/vocabulary';
import { useApi, useSignedIn } from './api-context';
import { humanise } from './format';
import { Refusal } from './Refusal';
import styles from './styles.module.scss';

type Step = 0 | 1 | 2 | 3;

export interface ConsentFormProps {
  patientId: string;
  siteId: string;
  birthDate?: string;
  kinds?: string[];
  purposes?: string[];
  onDone: (consent: ConsentSummary, decision: Decision) => void;
  onCancel: () => void;
}

const REPRESENTATIVES = ['PARENTAL_RESPONSIBILITY', 'LASTING_POWER_OF_ATTORNEY', 'COURT_APPOINTED_DEPUTY'] as const;

/**
 * The guided consent form: who gives consent (CON-12), what the patient was told (CON-2), their rights (CON-3), then
 * the decision. It cannot be completed as given without every element; refusing (CON-4) takes one click at any step
 * and is recorded as a refused consent.
 */
export function ConsentForm({ patientId, siteId, birthDate, kinds, purposes, onDone, onCancel }: ConsentFormProps) {
  const { t } = useTranslation();
  const api = useApi();
  const signedIn = useSignedIn();
  const child = isChild(birthDate);
  const [step, setStep] = useState<Step>(0);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();
  const [who, setWho] = useState<string>('PATIENT');
  const [representative, setRepresentative] = useState({ name: '', relationship: '' });
  const [competence, setCompetence] = useState(false);
  const [consulted, setConsulted] = useState('');
  const [draft, setDraft] = useState<Omit<ConsentDraft, 'givenBy'>>({
    patientId,
    siteId,
    kinds: kinds ?? ['CONSULTATION'],
    purposes: purposes ?? ['DIRECT_CARE'],
    audience: '',
    contextOfUse: '',
    copies: undefined,
    storage: '',
    retention: '',
    toldMayRefuse: false,
    toldMayWithdraw: false,
    toldCareUnaffected: false,
    noPressure: false,
  });

  const givenBy: GivenBy = useMemo(() => {
    if (who === 'PATIENT') return { kind: 'PATIENT', competenceAttested: child ? competence : undefined };
    if (who === 'BEST_INTERESTS') return { kind: 'BEST_INTERESTS', consulted: consultedOf(consulted), decidedBy: signedIn?.user.id ?? '' };
    return { kind: who as (typeof REPRESENTATIVES)[number], ...representative };
  }, [who, representative, competence, consulted, child, signedIn]);
  const full: ConsentDraft = { ...draft, givenBy };
  const missing = missingOf(full, 'GIVEN');
  const childNeedsCompetence = child && who === 'PATIENT' && !competence;
  const bestInterestsSecondary =
    who === 'BEST_INTERESTS' && draft.purposes.some((p) => p !== 'DIRECT_CARE' && p !== 'PATIENT_OWN_USE');
  const missingIn = (fields: string[]) => missing.filter((m) => fields.includes(m.field));
  const stepFields: Record<Step, string[]> = {
    0: ['representative', 'consulted'],
    1: ['kinds', 'purposes', 'audience', 'contextOfUse', 'copies', 'storage', 'retention', 'defenceReason'],
    2: ['toldMayRefuse', 'toldMayWithdraw', 'toldCareUnaffected', 'noPressure'],
    3: [],
  };
  const stepComplete = (s: Step) => missingIn(stepFields[s]).length === 0 && (s !== 0 || (!childNeedsCompetence && !bestInterestsSecondary));

  const set = <K extends keyof typeof draft>(key: K, value: (typeof draft)[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const toggle = (key: 'kinds' | 'purposes', value: string, on: boolean) =>
    setDraft((d) => ({ ...d, [key]: on ? [...d[key], value] : d[key].filter((v) => v !== value) }));

  async function save(decision: Decision) {
    setSaving(true);
    setError(undefined);
    try {
      const consent = await api.consents.record(full, decision);
      onDone(consent, decision);
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  }

  const invalid = (field: string) => step > 0 && missing.some((m) => m.field === field);

  return (
    <section className={styles.widget} aria-labelledby="consent-title">
      <div className={styles.header}>
        <h2 id="consent-title" className={styles.title}>
          {t('recordConsent', 'Record the patient’s consent')}
        </h2>
        <Button kind="danger--tertiary" onClick={() => save('REFUSED')} disabled={saving || draft.kinds.length === 0 || draft.purposes.length === 0}>
          {t('patientRefuses', 'Patient refuses')}
        </Button>
      </div>
      <ProgressIndicator currentIndex={step} spaceEqually onChange={(i: number) => setStep(i as Step)}>
        <ProgressStep label={t('stepWho', 'Who gives consent')} complete={step > 0 && stepComplete(0)} />
        <ProgressStep label={t('stepTold', 'What the patient was told')} complete={step > 1 && stepComplete(1)} />
        <ProgressStep label={t('stepRights', 'The patient’s rights')} complete={step > 2 && stepComplete(2)} />
        <ProgressStep label={t('stepDecision', 'Decision')} />
      </ProgressIndicator>
      <div className={styles.stack} style={{ marginTop: '1.5rem' }}>
        {step === 0 ? (
          <>
            <RadioButtonGroup legendText={t('whoConsents', 'Who gives consent (CON-12)')} name="who" valueSelected={who} onChange={(v: any) => setWho(String(v))} orientation="vertical">
              <RadioButton id="who-patient" value="PATIENT" labelText={t('whoPatient', 'The patient')} />
              <RadioButton id="who-parent" value="PARENTAL_RESPONSIBILITY" labelText={t('whoParent', 'A person with parental responsibility')} />
              <RadioButton id="who-lpa" value="LASTING_POWER_OF_ATTORNEY" labelText={t('whoLpa', 'An attorney under a lasting power of attorney')} />
              <RadioButton id="who-deputy" value="COURT_APPOINTED_DEPUTY" labelText={t('whoDeputy', 'A court-appointed deputy')} />
              <RadioButton id="who-best" value="BEST_INTERESTS" labelText={t('whoBestInterests', 'Best-interests decision (an adult who lacks capacity)')} />
            </RadioButtonGroup>
            {REPRESENTATIVES.includes(who as any) ? (
              <div className={styles.row}>
                <TextInput id="rep-name" labelText={t('repName', 'Their name')} value={representative.name} invalid={invalid('representative') && !representative.name.trim()} invalidText={t('required', 'Required')} onChange={(e) => setRepresentative((r) => ({ ...r, name: e.target.value }))} />
                <TextInput id="rep-relationship" labelText={t('repRelationship', 'Relationship to the patient')} value={representative.relationship} invalid={invalid('representative') && !representative.relationship.trim()} invalidText={t('required', 'Required')} onChange={(e) => setRepresentative((r) => ({ ...r, relationship: e.target.value }))} />
              </div>
            ) : null}
            {who === 'PATIENT' && child ? (
              <Checkbox id="competence" labelText={t('competence', 'The patient is under 16 and I am satisfied they understand what the recording involves (competence)')} checked={competence} onChange={(_: unknown, { checked }: { checked: boolean }) => setCompetence(checked)} />
            ) : null}
            {who === 'PATIENT' && child && !competence ? (
              <InlineNotification kind="info" lowContrast hideCloseButton title={t('childNeedsCompetence', 'A child under 16 consents themself only when they understand what the recording involves; otherwise a person with parental responsibility consents.')} />
            ) : null}
            {who === 'BEST_INTERESTS' ? (
              <TextArea id="consulted" labelText={t('consulted', 'People consulted about the patient’s best interests')} helperText={t('consultedHelp', 'One per line: name, role (e.g. Mary Clarke, daughter)')} value={consulted} invalid={invalid('consulted') && consulted.trim() !== ''} invalidText={t('consultedInvalid', 'Give each person’s name and role, separated by a comma')} onChange={(e) => setConsulted(e.target.value)} />
            ) : null}
            {bestInterestsSecondary ? (
              <InlineNotification kind="warning" lowContrast hideCloseButton title={t('bestInterestsSecondary', 'A best-interests decision covers recording for the patient’s care only; a secondary use needs an anonymised copy (SEC-3).')} subtitle={t('bestInterestsSecondaryNext', 'Choose direct care only.')} />
            ) : null}
          </>
        ) : null}
        {step === 1 ? (
          <>
            <fieldset className="cds--fieldset">
              <legend className="cds--label">{t('kinds', 'What will be recorded')}</legend>
              <div className={styles.row}>
                {KINDS.filter((k) => k !== 'TELEPHONE').map((k) => (
                  <Checkbox key={k} id={`kind-${k}`} labelText={humanise(k)} checked={draft.kinds.includes(k)} onChange={(_: unknown, { checked }: { checked: boolean }) => toggle('kinds', k, checked)} />
                ))}
              </div>
            </fieldset>
            <fieldset className="cds--fieldset">
              <legend className="cds--label">{t('purposes', 'Purposes')}</legend>
              <div className={styles.row}>
                {['DIRECT_CARE', ...SECONDARY_PURPOSES, 'DEFENCE'].map((p) => (
                  <Checkbox key={p} id={`purpose-${p}`} labelText={t(`purpose.${p}`, humanise(p))} checked={draft.purposes.includes(p)} onChange={(_: unknown, { checked }: { checked: boolean }) => toggle('purposes', p, checked)} />
                ))}
              </div>
            </fieldset>
            {draft.purposes.includes('DEFENCE') ? (
              <TextArea id="defence-reason" labelText={t('defenceReason', 'Recording only to defend against complaints or litigation is discouraged (CON-11). Why is it needed?')} value={draft.defenceReason ?? ''} invalid={invalid('defenceReason')} invalidText={t('required', 'Required')} onChange={(e) => set('defenceReason', e.target.value)} />
            ) : null}
            <TextInput id="audience" labelText={t('audience', 'Who will be allowed to see it')} value={draft.audience} invalid={invalid('audience')} invalidText={t('required', 'Required')} onChange={(e) => set('audience', e.target.value)} />
            <TextInput id="context" labelText={t('contextOfUse', 'Where and how it will be used')} value={draft.contextOfUse} invalid={invalid('contextOfUse')} invalidText={t('required', 'Required')} onChange={(e) => set('contextOfUse', e.target.value)} />
            <RadioButtonGroup legendText={t('copies', 'Will copies be made?')} name="copies" valueSelected={draft.copies === undefined ? '' : String(draft.copies)} onChange={(v: any) => set('copies', v === 'true')} invalid={invalid('copies')} invalidText={t('required', 'Required')}>
              <RadioButton id="copies-no" value="false" labelText={t('no', 'No')} />
              <RadioButton id="copies-yes" value="true" labelText={t('yes', 'Yes')} />
            </RadioButtonGroup>
            <TextInput id="storage" labelText={t('storage', 'How it will be stored')} value={draft.storage} invalid={invalid('storage')} invalidText={t('required', 'Required')} onChange={(e) => set('storage', e.target.value)} />
            <TextInput id="retention" labelText={t('retention', 'How long it will be kept')} value={draft.retention} invalid={invalid('retention')} invalidText={t('required', 'Required')} onChange={(e) => set('retention', e.target.value)} />
          </>
        ) : null}
        {step === 2 ? (
          <fieldset className="cds--fieldset">
            <legend className="cds--label">{t('rightsLegend', 'I have told the patient, and they understood (CON-3):')}</legend>
            <Checkbox id="may-refuse" labelText={t('toldMayRefuse', 'They may refuse')} checked={draft.toldMayRefuse} onChange={(_: unknown, { checked }: { checked: boolean }) => set('toldMayRefuse', checked)} />
            <Checkbox id="may-withdraw" labelText={t('toldMayWithdraw', 'They may withdraw at any time, during or after the recording')} checked={draft.toldMayWithdraw} onChange={(_: unknown, { checked }: { checked: boolean }) => set('toldMayWithdraw', checked)} />
            <Checkbox id="care-unaffected" labelText={t('toldCareUnaffected', 'Refusing will not affect their care')} checked={draft.toldCareUnaffected} onChange={(_: unknown, { checked }: { checked: boolean }) => set('toldCareUnaffected', checked)} />
            <Checkbox id="no-pressure" labelText={t('noPressure', 'They are under no pressure to agree')} checked={draft.noPressure} onChange={(_: unknown, { checked }: { checked: boolean }) => set('noPressure', checked)} />
          </fieldset>
        ) : null}
        {step === 3 ? (
          <div className={styles.stack}>
            <p>
              {t('decisionSummary', '{{kinds}} for {{purposes}}.', {
                kinds: draft.kinds.map(humanise).join(', '),
                purposes: draft.purposes.map((p) => t(`purpose.${p}`, humanise(p))).join(', '),
              })}
            </p>
            {missing.length > 0 || childNeedsCompetence || bestInterestsSecondary ? (
              <InlineNotification kind="warning" lowContrast hideCloseButton title={t('consentIncomplete', 'The consent cannot be recorded as given yet.')} subtitle={t('consentIncompleteNext', 'Go back and complete: {{fields}}', { fields: [...missing.map((m) => `${m.field} (${m.rule})`), ...(childNeedsCompetence ? ['competence (CON-12)'] : []), ...(bestInterestsSecondary ? ['purposes (SEC-3)'] : [])].join(', ') })} />
            ) : null}
            <div className={styles.actions}>
              <Button kind="primary" onClick={() => save('GIVEN')} disabled={saving || missing.length > 0 || childNeedsCompetence || bestInterestsSecondary}>
                {t('patientAgrees', 'Patient agrees')}
              </Button>
              <Button kind="danger" onClick={() => save('REFUSED')} disabled={saving}>
                {t('patientRefuses', 'Patient refuses')}
              </Button>
            </div>
          </div>
        ) : null}
        <Refusal error={error} />
        <div className={styles.actions}>
          <Button kind="ghost" onClick={onCancel}>
            {t('cancel', 'Cancel')}
          </Button>
          {step > 0 ? (
            <Button kind="secondary" onClick={() => setStep((s) => (s - 1) as Step)}>
              {t('back', 'Back')}
            </Button>
          ) : null}
          {step < 3 ? (
            <Button kind="primary" onClick={() => setStep((s) => (s + 1) as Step)} disabled={!stepComplete(step)}>
              {t('next', 'Next')}
            </Button>
          ) : null}
        </div>
      </div>
    </section>
  );
}
