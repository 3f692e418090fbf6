// SPDX-License-Identifier: MPL-2.0
import '@testing-library/jest-dom/vitest';
import { initI18n } from './i18n';

initI18n();
