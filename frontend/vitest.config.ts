// SPDX-License-Identifier: MPL-2.0
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  resolve: {
    // The framework's own mock, as O3 modules test their entry points.
    alias: { '@openmrs/esm-framework': '@openmrs/esm-framework/mock' },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./src/test-setup.ts'],
    css: { modules: { classNameStrategy: 'non-scoped' } },
    testTimeout: 30000,
    server: { deps: { inline: [/@openmrs/] } },
  },
});
