// SPDX-License-Identifier: MPL-2.0
import { useMemo, useState } from 'react';
import { Button, Select, SelectItem, SkeletonText, Table, TableBody, TableCell, TableHead, TableHeader, TableRow, Tag, TextInput } from '@carbon/react';
import { useTranslation } from 'react-i18next';
import { PolicyAdminApi } from '../api/admin';
import { PRIVILEGES } from '../api/session';
import { useApi, useCan } from '../components/api-context';
import { formatDate, humanise } from '../components/format';
import { Refusal } from '../components/Refusal';
import { useLoad } from '../components/useLoad';
import styles from '../components/styles.module.scss';

const MEANS = ['RECORDED_MESSAGE', 'PRACTICE_LEAFLET', 'WAITING_ROOM_POSTER', 'WEBSITE'];

/**
 * A site's telephone notices with their dates (TEL-2: how callers are told, before recording may be switched on) and
 * its no-filming areas with their notices (PAT-3). Each change is a new policy version.
 */
export function SiteNoticesPage() {
  const { t } = useTranslation();
  const api = useApi();
  const policies = useMemo(() => new PolicyAdminApi(api.admin), [api]);
  const mayChange = useCan(PRIVILEGES.policy);
  const sites = useLoad(() => api.admin.sites(), []);
  const [site, setSite] = useState<string>();
  const chosen = site ?? sites.data?.[0]?.site;
  const notices = useLoad(async () => (chosen ? api.admin.telephoneNotices(chosen) : undefined), [chosen]);
  const areas = useLoad(async () => (chosen ? api.admin.noFilmingAreas(chosen) : []), [chosen]);
  const [notice, setNotice] = useState({ means: 'RECORDED_MESSAGE', description: '', startedOn: new Date().toISOString().slice(0, 10) });
  const [area, setArea] = useState({ code: '', name: '', notices: '' });
  const [error, setError] = useState<unknown>();

  async function run(work: () => Promise<unknown>) {
    setError(undefined);
    try {
      await work();
      notices.reload();
      areas.reload();
    } catch (e) {
      setError(e);
    }
  }

  if (sites.loading) return <SkeletonText paragraph />;
  if (sites.error) return <Refusal error={sites.error} onRetry={sites.reload} />;
  return (
    <div className={styles.stack}>
      <Select id="notices-site" labelText={t('site', 'Site')} value={chosen ?? ''} onChange={(e) => setSite(e.target.value)}>
        {sites.data!.map((s) => (
          <SelectItem key={s.site} value={s.site} text={s.site} />
        ))}
      </Select>
      <Refusal error={error} />
      {!mayChange ? <p className={styles.muted}>{t('policyReadOnly', 'Changing the policy needs the Manage Policy privilege; you can read it.')}</p> : null}
      <section className={styles.widget} aria-labelledby="tel-title">
        <h1 id="tel-title" className={styles.title}>
          {t('telephoneNotices', 'How callers are told calls are recorded (TEL-2)')}
        </h1>
        {notices.data ? (
          <p>
            {notices.data.enabled ? <Tag type="green">{t('telephoneOn', 'Telephone recording is on')}</Tag> : <Tag type="gray">{t('telephoneOff', 'Telephone recording is off')}</Tag>}
          </p>
        ) : null}
        {notices.error ? <Refusal error={notices.error} /> : null}
        <Table size="sm" aria-label={t('telephoneNotices', 'How callers are told calls are recorded (TEL-2)')}>
          <TableHead>
            <TableRow>
              <TableHeader>{t('means', 'Means')}</TableHeader>
              <TableHeader>{t('description', 'Description')}</TableHeader>
              <TableHeader>{t('startedOn', 'Since')}</TableHeader>
              <TableHeader>{t('endedOn', 'Until')}</TableHeader>
              <TableHeader>
                <span className="cds--visually-hidden">{t('actions', 'Actions')}</span>
              </TableHeader>
            </TableRow>
          </TableHead>
          <TableBody>
            {(notices.data?.notices ?? []).map((n: Record<string, any>) => (
              <TableRow key={n.index}>
                <TableCell>{humanise(n.means)}</TableCell>
                <TableCell>{n.description}</TableCell>
                <TableCell>{formatDate(n.startedOn)}</TableCell>
                <TableCell>{formatDate(n.endedOn)}</TableCell>
                <TableCell>
                  {mayChange && !n.endedOn ? (
                    <Button kind="danger--ghost" size="sm" onClick={() => run(() => policies.endNotice(chosen!, n.index))}>
                      {t('endNotice', 'End')}
                    </Button>
                  ) : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {mayChange ? (
          <div className={styles.row} style={{ marginTop: '1rem' }}>
            <Select id="notice-means" labelText={t('means', 'Means')} value={notice.means} onChange={(e) => setNotice((n) => ({ ...n, means: e.target.value }))}>
              {MEANS.map((m) => (
                <SelectItem key={m} value={m} text={humanise(m)} />
              ))}
            </Select>
            <TextInput id="notice-description" labelText={t('description', 'Description')} value={notice.description} onChange={(e) => setNotice((n) => ({ ...n, description: e.target.value }))} />
            <TextInput id="notice-started" type="date" labelText={t('startedOn', 'Since')} value={notice.startedOn} onChange={(e) => setNotice((n) => ({ ...n, startedOn: e.target.value }))} />
            <Button kind="primary" disabled={!notice.description.trim()} onClick={() => run(() => policies.addNotice(chosen!, notice))}>
              {t('addNotice', 'Add notice')}
            </Button>
          </div>
        ) : null}
      </section>
      <section className={styles.widget} aria-labelledby="areas-title">
        <h1 id="areas-title" className={styles.title}>
          {t('noFilmingTitle', 'No-filming areas (PAT-3)')}
        </h1>
        {areas.error ? <Refusal error={areas.error} /> : null}
        <ul className={styles.stack}>
          {(areas.data ?? []).map((a) => (
            <li key={a.code} className={styles.row}>
              <strong>{a.name}</strong> <span className={styles.muted}>{a.code}</span> <span>{a.notices.join('; ')}</span>
              {mayChange ? (
                <Button kind="danger--ghost" size="sm" onClick={() => run(() => policies.removeArea(chosen!, a.code))}>
                  {t('remove', 'Remove')}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
        {mayChange ? (
          <div className={styles.row}>
            <TextInput id="area-code" labelText={t('areaCode', 'Code')} value={area.code} onChange={(e) => setArea((a) => ({ ...a, code: e.target.value.toUpperCase() }))} />
            <TextInput id="area-name" labelText={t('areaName', 'Area')} value={area.name} onChange={(e) => setArea((a) => ({ ...a, name: e.target.value }))} />
            <TextInput id="area-notices" labelText={t('areaNotices', 'Notices (separated by ;)')} value={area.notices} onChange={(e) => setArea((a) => ({ ...a, notices: e.target.value }))} />
            <Button kind="primary" disabled={!area.code.trim() || !area.name.trim()} onClick={() => run(() => policies.putArea(chosen!, { code: area.code.trim(), name: area.name.trim(), notices: area.notices.split(';').map((n) => n.trim()).filter(Boolean) }))}>
              {t('saveArea', 'Save area')}
            </Button>
          </div>
        ) : null}
      </section>
    </div>
  );
}
