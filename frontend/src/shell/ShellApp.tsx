import type React from 'react';
// SPDX-License-Identifier: MPL-2.0
import { useCallback, useEffect, useState } from 'react';
import { Button, Theme, Header, HeaderGlobalBar, HeaderName, HeaderNavigation, HeaderMenuItem, InlineLoading, Search, SkipToContent, Tag, TextInput, PasswordInput, InlineNotification } from '@carbon/react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../api/client';
import type { PatientSummary } from '../api/host';
import type { SignedIn } from '../api/session';
import { ApiProvider } from '../components/api-context';
import { RecordingsDashboard } from '../components/RecordingsDashboard';
import { Refusal } from '../components/Refusal';
import { formatDate } from '../components/format';
import { AdminPages, ADMIN_PAGES } from '../admin/AdminPages';

/** The shell's places, kept in the URL's fragment so that reloading and the back button work. */
type Place = { page: 'patients' } | { page: 'patient'; id: string } | { page: 'admin'; section: string };

function placeOf(hash: string): Place {
  const [, page, id] = hash.replace(/^#/, '').split('/');
  if (page === 'patient' && id) return { page: 'patient', id: decodeURIComponent(id) };
  if (page === 'admin') return { page: 'admin', section: id ?? ADMIN_PAGES[0].id };
  return { page: 'patients' };
}

export function go(place: Place) {
  window.location.hash = place.page === 'patient' ? `#/patient/${encodeURIComponent(place.id)}` : place.page === 'admin' ? `#/admin/${place.section}` : '#/patients';
}

/**
 * The small shell around the components, for the standalone server and for OpenMRS without the O3 frontend:
 * sign-in, patient search, the patient's recordings, and the administration pages.
 */
export function ShellApp({ api }: { api: ApiClient }) {
  const { t } = useTranslation();
  const [session, setSession] = useState<SignedIn | null>();
  const [error, setError] = useState<unknown>();
  const [place, setPlace] = useState<Place>(placeOf(window.location.hash));

  useEffect(() => {
    const onHash = () => setPlace(placeOf(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const load = useCallback(() => {
    api.session!.current().then(
      (s) => setSession(s ?? null),
      (e) => setError(e),
    );
  }, [api]);
  useEffect(() => {
    api.http.onSignedOut = () => setSession(null);
    load();
  }, [api, load]);

  useEffect(() => {
    const title = place.page === 'patient' ? t('patientRecordings', 'Patient recordings') : place.page === 'admin' ? t('administration', 'Administration') : t('findPatient', 'Find a patient');
    document.title = `${title} · Patient Recordings`;
  }, [place, t]);

  if (session === undefined) {
    return error ? <main className="shell-main"><Refusal error={error} onRetry={load} /></main> : <main className="shell-main"><InlineLoading description={t('loading', 'Loading')} /></main>;
  }
  if (session === null) {
    return <SignIn api={api} onSignedIn={setSession} />;
  }
  const isAdmin = ADMIN_PAGES.some((p) => p.privileges.some((x) => session.privileges.includes(x)));
  return (
    <ApiProvider api={api} session={session}>
      <Theme theme="g100">
      <Header aria-label="Patient Recordings">
        <SkipToContent href="#main-content" />
        <HeaderName href="#/patients" prefix="">
          {t('appName', 'Patient Recordings')}
        </HeaderName>
        <HeaderNavigation aria-label={t('mainNavigation', 'Main')}>
          <HeaderMenuItem href="#/patients" isActive={place.page !== 'admin'}>
            {t('patients', 'Patients')}
          </HeaderMenuItem>
          {isAdmin ? (
            <HeaderMenuItem href="#/admin" isActive={place.page === 'admin'}>
              {t('administration', 'Administration')}
            </HeaderMenuItem>
          ) : null}
        </HeaderNavigation>
        <HeaderGlobalBar>
          <span data-testid="signed-in-as" style={{ display: 'flex', alignItems: 'center', padding: '0 1rem', color: 'var(--cds-text-secondary)' }}>
            {session.user.display ?? session.user.username ?? session.user.id}
          </span>
          <Button kind="ghost" size="lg" onClick={() => api.session!.signOut().finally(() => setSession(null))}>
            {t('signOut', 'Sign out')}
          </Button>
        </HeaderGlobalBar>
      </Header>
      </Theme>
      <main id="main-content" className="shell-main" tabIndex={-1}>
        {place.page === 'patients' ? <PatientSearch api={api} /> : null}
        {place.page === 'patient' ? <PatientPage api={api} patientId={place.id} /> : null}
        {place.page === 'admin' ? <AdminPages section={place.section} onSection={(section) => go({ page: 'admin', section })} /> : null}
      </main>
    </ApiProvider>
  );
}

function SignIn({ api, onSignedIn }: { api: ApiClient; onSignedIn: (s: SignedIn) => void }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onSignedIn(await api.session!.signIn(username.trim(), password));
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }

  return (
    <main className="shell-signin" id="main-content">
      <h1 style={{ fontSize: '1.75rem', marginBottom: '1.5rem' }}>{t('appName', 'Patient Recordings')}</h1>
      <form onSubmit={submit} aria-label={t('signIn', 'Sign in')}>
        <TextInput id="username" labelText={t('username', 'User name')} autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} />
        <PasswordInput id="password" labelText={t('password', 'Password')} autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        {error ? (
          (error as { status?: number }).status === 401 ? (
            <InlineNotification kind="error" lowContrast hideCloseButton role="alert" title={t('wrongPassword', 'The user name or the password is not right.')} subtitle={t('wrongPasswordNext', 'Check them and try again.')} />
          ) : (
            <Refusal error={error} />
          )
        ) : null}
        <Button type="submit" disabled={busy || !username.trim() || !password}>
          {t('signIn', 'Sign in')}
        </Button>
      </form>
    </main>
  );
}

function PatientSearch({ api }: { api: ApiClient }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<PatientSummary[]>();
  const [error, setError] = useState<unknown>();

  async function search(event?: React.FormEvent) {
    event?.preventDefault();
    if (!query.trim()) return;
    setError(undefined);
    try {
      setResults(await api.host.searchPatients(query));
    } catch (e) {
      setError(e);
    }
  }

  return (
    <section aria-labelledby="search-title">
      <h1 id="search-title" style={{ fontSize: '1.75rem', marginBottom: '1rem' }}>
        {t('findPatient', 'Find a patient')}
      </h1>
      <form onSubmit={search} role="search">
        <Search id="patient-search" labelText={t('searchLabel', 'Name or identifier')} placeholder={t('searchPlaceholder', 'Name or identifier, then Enter')} value={query} onChange={(e) => setQuery(e.target.value)} size="lg" />
      </form>
      <Refusal error={error} />
      {results && results.length === 0 ? <p>{t('noPatients', 'No patient matches.')}</p> : null}
      {results && results.length > 0 ? (
        <ul className="shell-results" aria-label={t('patients', 'Patients')}>
          {results.map((p) => (
            <li key={p.id}>
              <Button kind="ghost" onClick={() => go({ page: 'patient', id: p.id })}>
                {p.name}
                {p.identifier ? ` · ${p.identifier}` : ''}
                {p.birthDate ? ` · ${t('born', 'born')} ${formatDate(p.birthDate)}` : ''}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function PatientPage({ api, patientId }: { api: ApiClient; patientId: string }) {
  const { t } = useTranslation();
  const [patient, setPatient] = useState<PatientSummary>();
  useEffect(() => {
    api.host.patient(patientId).then(setPatient, () => setPatient(undefined));
  }, [api, patientId]);
  return (
    <>
      <div className="shell-patient-header">
        <h1>{patient?.name ?? t('patient', 'Patient')}</h1>
        {patient?.identifier ? <Tag>{patient.identifier}</Tag> : null}
        {patient?.birthDate ? <span>{t('born', 'born')} {formatDate(patient.birthDate)}</span> : null}
        <Button kind="ghost" size="sm" onClick={() => go({ page: 'patients' })}>
          {t('anotherPatient', 'Another patient')}
        </Button>
      </div>
      <RecordingsDashboard patientId={patientId} />
    </>
  );
}
