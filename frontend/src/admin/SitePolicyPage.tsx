// SPDX-License-Identifier: MPL-2.0
import { useState } from 'react';
import { Select, SelectItem, SkeletonText, StructuredListBody, StructuredListCell, StructuredListRow, StructuredListWrapper } from '@carbon/react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../components/api-context';
import { humanise } from '../components/format';
import { Refusal } from '../components/Refusal';
import { useLoad } from '../components/useLoad';
import styles from '../components/styles.module.scss';

/** A site's recording policy as it is now (POL-1), with its version (POL-2). */
export function SitePolicyPage() {
  const { t } = useTranslation();
  const api = useApi();
  const sites = useLoad(() => api.admin.sites(), []);
  const [site, setSite] = useState<string>();
  const chosen = site ?? sites.data?.[0]?.site;
  const policy = useLoad(async () => (chosen ? api.admin.policy(chosen) : undefined), [chosen]);

  if (sites.loading) return <SkeletonText paragraph />;
  if (sites.error) return <Refusal error={sites.error} onRetry={sites.reload} />;
  return (
    <section className={styles.widget} aria-labelledby="policy-title">
      <h1 id="policy-title" className={styles.title}>
        {t('sitePolicy', 'Site policy')}
      </h1>
      <Select id="policy-site" labelText={t('site', 'Site')} value={chosen ?? ''} onChange={(e) => setSite(e.target.value)}>
        {sites.data!.map((s) => (
          <SelectItem key={s.site} value={s.site} text={`${s.site} (v${s.version})`} />
        ))}
      </Select>
      {policy.error ? <Refusal error={policy.error} /> : null}
      {policy.data ? (
        <StructuredListWrapper aria-label={t('sitePolicy', 'Site policy')}>
          <StructuredListBody>
            {Object.entries(policy.data.policy).map(([key, value]) => (
              <StructuredListRow key={key}>
                <StructuredListCell noWrap>{humanise(key.replace(/([A-Z])/g, '_$1').toUpperCase())}</StructuredListCell>
                <StructuredListCell>{typeof value === 'object' ? JSON.stringify(value) : String(value)}</StructuredListCell>
              </StructuredListRow>
            ))}
          </StructuredListBody>
        </StructuredListWrapper>
      ) : null}
    </section>
  );
}
