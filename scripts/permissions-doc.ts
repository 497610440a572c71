/**
 * Writes docs/permissions.md from the permission matrix in libs/permissions (the one source).
 * Run from the repository root (Node 20 has no TypeScript loader here, so compile it first):
 *   npx swc scripts/permissions-doc.ts libs/permissions/src -d .permissions-doc --config-file .swcrc \
 *     && node .permissions-doc/scripts/permissions-doc.js; rm -rf .permissions-doc
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { format } from 'prettier';
import { renderPermissionsMarkdown } from '../libs/permissions/src/index.js';

const target = resolve(process.cwd(), 'docs/permissions.md');
// Formatted as `npm run lint` (prettier --check) expects it.
writeFileSync(target, await format(renderPermissionsMarkdown(), { parser: 'markdown' }));
console.log(`wrote ${target}`);
