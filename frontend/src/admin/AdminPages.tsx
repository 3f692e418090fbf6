import type React from 'react';
// SPDX-License-Identifier: MPL-2.0
import { SideNav, SideNavItems, SideNavLink } from '@carbon/react';
import { useTranslation } from 'react-i18next';
import { PRIVILEGES } from '../api/session';
import { useCan } from '../components/api-context';
import { SitePolicyPage } from './SitePolicyPage';
import styles from '../components/styles.module.scss';

/** The administration pages, each shown to those whose privileges allow it (SAF-3). */
export const ADMIN_PAGES = [
  { id: 'policy', title: 'Site policy', privileges: [PRIVILEGES.policy], component: SitePolicyPage },
] as const;

export function AdminPages({ section, onSection }: { section: string; onSection: (id: string) => void }) {
  const { t } = useTranslation();
  const page = ADMIN_PAGES.find((p) => p.id === section) ?? ADMIN_PAGES[0];
  const Page = page.component;
  return (
    <div style={{ display: 'flex', gap: '1rem', flexWrap: 'wrap' }}>
      <nav aria-label={t('administration', 'Administration')} style={{ minWidth: '14rem' }}>
        <SideNav isFixedNav expanded isChildOfHeader={false} aria-label={t('administration', 'Administration')} style={{ position: 'static', height: 'auto' }}>
          <SideNavItems>
            {ADMIN_PAGES.map((p) => (
              <SideNavLink key={p.id} href={`#/admin/${p.id}`} isActive={p.id === page.id} onClick={(e: React.MouseEvent) => { e.preventDefault(); onSection(p.id); }}>
                {t(`admin.${p.id}`, p.title)}
              </SideNavLink>
            ))}
          </SideNavItems>
        </SideNav>
      </nav>
      <div style={{ flex: 1, minWidth: '20rem' }} className={styles.stack}>
        <Page />
      </div>
    </div>
  );
}

/** Says why a page's controls are missing: the privilege it needs (SAF-3). */
export function NeedsPrivilege({ privilege, children }: { privilege: string; children: React.ReactNode }) {
  const { t } = useTranslation();
  const can = useCan(privilege);
  return can ? <>{children}</> : <p className={styles.muted}>{t('needsPrivilege', 'This needs the {{privilege}} privilege, which you do not have.', { privilege: privilege.replace(/_/g, ' ').toLowerCase() })}</p>;
}
