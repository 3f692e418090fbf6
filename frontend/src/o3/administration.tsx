// SPDX-License-Identifier: MPL-2.0
import { useEffect, useState } from 'react';
import { AdminPages, ADMIN_PAGES } from '../admin/AdminPages';

/** The administration pages as an O3 page (route "patient-recordings-admin"); the section is in the fragment. */
export default function Administration() {
  const [section, setSection] = useState(window.location.hash.replace(/^#\/?/, '') || ADMIN_PAGES[0].id);
  useEffect(() => {
    window.location.hash = `#/${section}`;
  }, [section]);
  return <AdminPages section={section} onSection={setSection} />;
}
