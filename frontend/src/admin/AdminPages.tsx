// SPDX-License-Identifier: MPL-2.0
import type React from 'react';
import { useTranslation } from 'react-i18next';
import { PRIVILEGES } from '../api/session';
import { useCan } from '../components/api-context';
import { AuditPage } from './AuditPage';
import { DisclosurePage } from './DisclosurePage';
import { RegisterPage, REGISTERS } from './RegistersPage';
import { RetentionPage } from './RetentionPage';
import { SiteNoticesPage } from './SiteNoticesPage';
import { SitePolicyPage } from './SitePolicyPage';
import styles from '../components/styles.module.scss';

interface AdminPage {
  id: string;
  title: string;
  /** Any of these privileges opens the page; without them the page says which it needs (SAF-3). */
  privileges: string[];
  render: () => React.ReactNode;
}

/** The administration pages, each shown to those whose privileges allow it (SAF-3). */
export const ADMIN_PAGES: AdminPage[] = [
  { id: 'policy', title: 'Site policy', privileges: [PRIVILEGES.policy], render: () => <SitePolicyPage /> },
  { id: 'notices', title: 'Notices and no-filming areas', privileges: [PRIVILEGES.policy], render: () => <SiteNoticesPage /> },
  { id: 'retention', title: 'Retention schedules', privileges: [PRIVILEGES.policy, PRIVILEGES.records], render: () => <RetentionPage /> },
  ...REGISTERS.map((spec) => ({
    id: spec.id,
    title: spec.title,
    privileges: spec.readers ?? (spec.id === 'covert-authorisations' ? [PRIVILEGES.covert] : [spec.privilege, PRIVILEGES.policy, PRIVILEGES.records, PRIVILEGES.holds, PRIVILEGES.disclose]),
    render: () => <RegisterPage key={spec.id} spec={spec} />,
  })),
  { id: 'disclosure', title: 'Disclose recordings', privileges: [PRIVILEGES.disclose], render: () => <DisclosurePage /> },
  { id: 'audit', title: 'Audit trail', privileges: [PRIVILEGES.audit], render: () => <AuditPage /> },
];

function PageGate({ page }: { page: AdminPage }) {
  const { t } = useTranslation();
  const allowed = page.privileges.map(useCan).some(Boolean);
  if (!allowed) {
    return (
      <p className={styles.muted} role="status">
        {t('pageNeedsPrivilege', 'This page needs one of these privileges, which you do not have: {{privileges}}.', {
          privileges: page.privileges.map((p) => p.replace(/_/g, ' ').toLowerCase()).join(', '),
        })}
      </p>
    );
  }
  return <>{page.render()}</>;
}

export function AdminPages({ section, onSection }: { section: string; onSection: (id: string) => void }) {
  const { t } = useTranslation();
  const page = ADMIN_PAGES.find((p) => p.id === section) ?? ADMIN_PAGES[0];
  return (
    <div style={{ display: 'flex', gap: '1rem', flexWrap: 'wrap', alignItems: 'flex-start' }}>
      <nav aria-label={t('administration', 'Administration')} style={{ minWidth: '13rem' }} className={styles.widget}>
        <ul className={styles.stack} style={{ gap: '0.25rem' }}>
          {ADMIN_PAGES.map((p) => (
            <li key={p.id}>
              <a
                href={`#/admin/${p.id}`}
                className="cds--link"
                aria-current={p.id === page.id ? 'page' : undefined}
                style={p.id === page.id ? { fontWeight: 600 } : undefined}
                onClick={(e) => {
                  e.preventDefault();
                  onSection(p.id);
                }}
              >
                {t(`admin.${p.id}`, p.title)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div style={{ flex: 1, minWidth: '20rem' }} className={styles.stack}>
        <PageGate key={page.id} page={page} />
      </div>
    </div>
  );
}
