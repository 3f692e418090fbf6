// SPDX-License-Identifier: MPL-2.0
import '@testing-library/jest-dom/vitest';
import { initI18n } from './i18n';

initI18n();

// jsdom has no layout, so no ResizeObserver; Carbon's text area observes its size. Nothing is ever resized here.
if (typeof globalThis.ResizeObserver === 'undefined') {
  globalThis.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}
