// SPDX-License-Identifier: MPL-2.0
// The O3 frontend module: OpenMRS' own build (Module Federation remote, routes.json, translations).
module.exports = require('openmrs/default-rspack-config');
