// SPDX-License-Identifier: MPL-2.0
declare module '*.module.scss' {
  const classes: Record<string, string>;
  export default classes;
}
declare module '*.css';

interface Window {
  openmrsBase?: string;
}

// The O3 build (rspack) resolves translations lazily through require.context.
declare const require: {
  context(directory: string, useSubdirectories: boolean, regExp: RegExp, mode?: string): unknown;
};
