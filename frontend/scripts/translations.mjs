// SPDX-License-Identifier: MPL-2.0
// Writes translations/en.json from the English defaults in the sources: every t('key', 'default') call, and the
// sentence and next step of every rule (src/errors/sentences.ts). `node scripts/translations.mjs --check` fails when
// the file is not what the sources say.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const defaultRoot = () => fileURLToPath(new URL('..', import.meta.url));
const CALL = /\bt\(\s*(['`])([^'`$]+)\1\s*,\s*'((?:[^'\\]|\\.)*)'/g;

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

export function extract(root = defaultRoot()) {
  const keys = {};
  for (const file of files(join(root, 'src'))) {
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(CALL)) {
      const [, , key, value] = match;
      const text = value.replace(/\\'/g, "'");
      if (keys[key] !== undefined && keys[key] !== text) {
        throw new Error(`${relative(root, file)}: "${key}" has two English texts: "${keys[key]}" and "${text}"`);
      }
      keys[key] = text;
    }
  }
  const sentences = readFileSync(join(root, 'src/errors/sentences.ts'), 'utf8');
  for (const match of sentences.matchAll(/'([A-Z]+-\d+)': \{\s*sentence: '((?:[^'\\]|\\.)*)',\s*next: '((?:[^'\\]|\\.)*)'/g)) {
    keys[`rule.${match[1]}`] = match[2].replace(/\\'/g, "'");
    keys[`next.${match[1]}`] = match[3].replace(/\\'/g, "'");
  }
  return Object.fromEntries(Object.entries(keys).sort(([a], [b]) => a.localeCompare(b)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const wanted = JSON.stringify(extract(), null, 2) + '\n';
  const path = join(defaultRoot(), 'translations/en.json');
  if (process.argv.includes('--check')) {
    const actual = readFileSync(path, 'utf8');
    if (actual !== wanted) {
      console.error('translations/en.json is out of date: run node scripts/translations.mjs');
      process.exit(1);
    }
  } else {
    writeFileSync(path, wanted);
  }
}
