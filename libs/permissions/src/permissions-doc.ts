import { CONDITIONS } from './conditions.js';
import { PERMISSION_MATRIX, type Grantee, type PermissionRow } from './matrix.js';
import { ROLE_LABELS, ROLES } from './roles.js';
import { SUBJECTS } from './subjects.js';

const GRANTEES: readonly Grantee[] = ['anyone', 'authenticated', ...ROLES];
const GRANTEE_LABELS: Record<Grantee, string> = {
  anyone: 'anyone (also not logged in)',
  authenticated: 'every login',
  ...ROLE_LABELS,
};

/**
 * docs/permissions.md, generated from PERMISSION_MATRIX so that the two cannot drift apart
 * (scripts/permissions-doc.ts writes it; a unit test compares).
 */
export function renderPermissionsMarkdown(matrix: readonly PermissionRow[] = PERMISSION_MATRIX): string {
  const lines: string[] = [
    '# Permissions',
    '',
    '<!-- Generated from libs/permissions/src/matrix.ts by scripts/permissions-doc.ts (see the',
    '     command at its top); do not edit by hand: a unit test fails when the two differ. -->',
    '',
    'Everything not listed here is denied. Roles add up: a user with several roles may do what any',
    'of them may. The admin role manages accounts but does not read report or lägesbild contents',
    'unless the same user also holds a content role. Conditions are checked against the actual',
    'resource (e.g. the report’s organisation and its period’s status); a resource that the',
    'caller may not read answers 404, as if it did not exist.',
    '',
    '## Overview',
    '',
    `| subject | ${GRANTEES.join(' | ')} |`,
    `| --- | ${GRANTEES.map(() => '---').join(' | ')} |`,
  ];
  for (const subject of SUBJECTS) {
    const cells = GRANTEES.map((who) => {
      const rows = matrix.filter((row) => row.subject === subject && row.who === who);
      const actions = rows.flatMap((row) =>
        row.actions.map((action) => (row.when || row.fields ? `${action}*` : action)),
      );
      return [...new Set(actions)].join(', ') || '–';
    });
    lines.push(`| ${subject} | ${cells.join(' | ')} |`);
  }
  lines.push('', '`*` = only under a condition or for some fields; see the rules below.', '');
  lines.push('## Roles', '');
  for (const who of GRANTEES) lines.push(`- \`${who}\`: ${GRANTEE_LABELS[who]}`);
  lines.push('', '## Rules by subject', '');
  for (const subject of SUBJECTS) {
    const rows = matrix.filter((row) => row.subject === subject);
    lines.push(`### ${subject}`, '');
    if (rows.length === 0) {
      lines.push('Nobody.', '');
      continue;
    }
    lines.push('| who | may | on | fields | why |', '| --- | --- | --- | --- | --- |');
    for (const row of rows) {
      const on = row.when ? CONDITIONS[row.when].description : 'all';
      const fields = row.fields ? row.fields.join(', ') : 'all';
      lines.push(`| ${row.who} | ${row.actions.join(', ')} | ${on} | ${fields} | ${row.why} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
