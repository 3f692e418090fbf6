// SPDX-License-Identifier: MPL-2.0
// The browser shell served by the standalone server at / and by the module inside OpenMRS: built into the frontend
// jar's classes, where ShellServlet finds it on the classpath.
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * Carbon's precompiled CSS loads IBM Plex from IBM's servers. The shell loads nothing from elsewhere (its Content
 * Security Policy forbids it, and clinics may have no internet access), so the font faces are dropped and Carbon's
 * own fallbacks (Helvetica Neue, Arial, sans-serif) are used.
 */
function withoutRemoteFonts(): Plugin {
  return {
    name: 'without-remote-fonts',
    transform(code, id) {
      if (id.includes('@carbon/styles') && id.endsWith('.css')) {
        return { code: code.replace(/@font-face\s*\{[^}]*\}/g, ''), map: null };
      }
      return undefined;
    },
  };
}

export default defineConfig({
  root: 'src/shell',
  base: './',
  plugins: [react(), withoutRemoteFonts()],
  build: {
    outDir: '../../target/classes/org/openmrs/module/patientrecordings/shell',
    emptyOutDir: true,
    assetsDir: 'assets',
    chunkSizeWarningLimit: 4096,
    sourcemap: false,
  },
});
