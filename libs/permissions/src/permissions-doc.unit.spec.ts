import { readFileSync } from 'node:fs';
import { format } from 'prettier';
import { renderPermissionsMarkdown } from './permissions-doc.js';

describe('docs/permissions.md', () => {
  it('is exactly what the generator makes of the matrix', async () => {
    const onDisk = readFileSync(new URL('../../../docs/permissions.md', import.meta.url), 'utf8');
    // On failure: regenerate with the command at the top of scripts/permissions-doc.ts and commit the result.
    expect(onDisk).toBe(await format(renderPermissionsMarkdown(), { parser: 'markdown' }));
  });

  it('names every role and every subject', () => {
    const markdown = renderPermissionsMarkdown();
    for (const word of ['admin', 'coordinator', 'reviewer', 'est_member', 'reporter', 'Lagesbild', 'Job'])
      expect(markdown).toContain(word);
  });
});
