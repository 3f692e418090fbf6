// SPDX-License-Identifier: MPL-2.0
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
// @ts-expect-error plain JavaScript build script
import { extract } from '../scripts/translations.mjs';

describe('translations', () => {
  it('en.json holds exactly the English texts of the sources', () => {
    const file = JSON.parse(readFileSync(resolve(__dirname, '../translations/en.json'), 'utf8'));
    expect(file).toEqual(extract(resolve(__dirname, '..')));
  });
});
