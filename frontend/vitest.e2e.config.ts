// SPDX-License-Identifier: MPL-2.0
// End-to-end tests: real headless Chromium against a running standalone server (E2E_BASE_URL).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.e2e.ts'],
    globals: true,
    fileParallelism: false,
    testTimeout: 120000,
    hookTimeout: 120000,
  },
});
