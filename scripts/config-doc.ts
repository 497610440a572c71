/**
 * Rewrites the configuration tables in README.md from the schemas of the one configuration
 * (config/app-config.ts and each feature manifest's `settings`): `npm run config:doc`, which
 * compiles this and the API first (Node 20 has no TypeScript loader here).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { renderConfigTables, settingsGroups, withConfigTables } from '../apps/api/src/config/config-doc.js';
import { features } from '../apps/api/src/features.js';

const target = resolve(process.cwd(), 'README.md');
// Formatted as `npm run lint` (prettier --check) expects it: with the project's settings, which
// also format the README's code blocks (without them its TypeScript example was rewritten).
const options = { ...(await resolveConfig(target)), parser: 'markdown' };
const tables = await format(renderConfigTables(settingsGroups(features)), options);
writeFileSync(target, await format(withConfigTables(readFileSync(target, 'utf8'), tables), options));
console.log(`wrote the configuration tables in ${target}`);
