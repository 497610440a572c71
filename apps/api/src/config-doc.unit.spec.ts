import { readFileSync } from 'node:fs';
import { format } from 'prettier';
import { z } from 'zod';
import { configTablesIn, renderConfigTables, settingsGroups } from './config/config-doc.js';
import { features } from './features.js';

describe("README.md's configuration tables", () => {
  it('are exactly what the generator makes of the schemas', async () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    // On failure: `npm run config:doc` and commit the README.
    expect(configTablesIn(readme)).toBe(
      await format(renderConfigTables(settingsGroups(features)), { parser: 'markdown' }),
    );
  });

  it('name every variable once, each with its description', () => {
    const tables = renderConfigTables(settingsGroups(features));
    for (const variable of ['PORT', 'LAGET_MUNICIPALITY_NAME', 'LAGET_FOUR_EYES', 'LAGET_REMINDER_DAYS'])
      expect(tables.split(`\`${variable}\``)).toHaveLength(2);
    const shared = z.object({ LAGET_FOUR_EYES: z.string().describe('again') });
    expect(() =>
      renderConfigTables([...settingsGroups(features), { title: 'twice', schema: shared }]),
    ).toThrow(/LAGET_FOUR_EYES is declared twice/);
    const silent = z.object({ LAGET_UNEXPLAINED: z.string() });
    expect(() => renderConfigTables([{ title: 'silent', schema: silent }])).toThrow(/no .describe\(\) text/);
  });
});
