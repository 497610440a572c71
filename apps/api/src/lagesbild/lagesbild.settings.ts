import { z } from 'zod';
import { defaultLegalGrounds, type LagesbildPolicy } from './lagesbild.decider.js';

/**
 * The municipality's lägesbild rules, read from the environment at start and validated:
 *
 * - `LAGET_MUNICIPALITY_NAME` (default `Norbergs kommun`): used in the default Bakgrund text
 * - `LAGET_BACKGROUND_TEXT`: the Bakgrund section every compile starts from (paragraphs separated
 *   by a blank line, or `\n\n` written out); default the seed's text for the municipality
 * - `LAGET_LEGAL_GROUNDS`: the grounds a redaction may cite, separated by `;`
 *   (default `OSL 18 kap. 1 §;OSL 26 kap. 1 §;GDPR art. 9;GDPR art. 10;Uppgift om enskild`)
 * - `LAGET_FOUR_EYES` (`1`/`true` or `0`/`false`; default off): the approver must be someone other
 *   than the last person to edit and the last to redact
 */
export interface LagesbildSettings {
  background: string;
  policy: LagesbildPolicy;
}

export const LAGESBILD_SETTINGS = Symbol('LAGESBILD_SETTINGS');

/** The seed's Bakgrund, with the municipality's name. */
export function defaultBackground(municipality: string): string {
  const genitive = /[sxz]$/i.test(municipality) ? municipality : `${municipality}s`;
  return [
    `${municipality} bedriver brottsförebyggande arbete i form av Effektiv Samordning för Trygghet, EST. Varje vecka rapporterar ett antal aktörer in vad som har hänt avseende brottslighet och otrygghet till kommunens EST-grupp.`,
    'För att utveckla arbetet med lägesbild utgörs det första EST-mötet varje månad av ett utökat möte där fler individer deltar.',
    `Rapporterna sammanställs till en lokal lägesbild avseende brottslighet och otrygghet för ${municipality}. Den lokala lägesbilden upprättas i en öppen version samt vid behov i målgruppsanpassade interna versioner. Den öppna versionen publiceras på ${genitive} hemsida.`,
  ].join('\n\n');
}

const environment = z.object({
  LAGET_MUNICIPALITY_NAME: z.string().trim().min(2).max(100).default('Norbergs kommun'),
  LAGET_BACKGROUND_TEXT: z.string().trim().min(1).max(10_000).optional(),
  LAGET_LEGAL_GROUNDS: z
    .string()
    .transform((value) =>
      value
        .split(';')
        .map((ground) => ground.trim())
        .filter((ground) => ground.length > 0),
    )
    .pipe(z.array(z.string().max(200)).min(1, 'must name at least one legal ground'))
    .optional(),
  LAGET_FOUR_EYES: z
    .enum(['0', '1', 'true', 'false'])
    .optional()
    .transform((value) => value === '1' || value === 'true'),
});

export function lagesbildSettingsFrom(
  source: Record<string, string | undefined> = process.env,
): LagesbildSettings {
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== '' && value !== undefined),
  );
  const parsed = environment.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid lägesbild configuration:\n${problems.join('\n')}`);
  }
  const env = parsed.data;
  return {
    background:
      env.LAGET_BACKGROUND_TEXT?.replace(/\\n/g, '\n') ?? defaultBackground(env.LAGET_MUNICIPALITY_NAME),
    policy: { legalGrounds: env.LAGET_LEGAL_GROUNDS ?? defaultLegalGrounds, fourEyes: env.LAGET_FOUR_EYES },
  };
}
