// SPDX-License-Identifier: MPL-2.0
/** The module's translation files, loaded lazily by the O3 framework (rspack resolves require.context). */
export const importTranslation = require.context('../../translations', false, /.json$/, 'lazy');
