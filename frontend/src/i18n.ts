// SPDX-License-Identifier: MPL-2.0
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../translations/en.json';

/** The shell's translations (O3 loads the same files through the framework). */
export function initI18n() {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      lng: 'en',
      fallbackLng: 'en',
      resources: { en: { translation: en } },
      interpolation: { escapeValue: false },
      returnEmptyString: false,
      showSupportNotice: false,
    });
  }
  return i18next;
}
