import { z } from 'zod';
import { AppConfig } from '../config/app-config.js';
import type { Environment } from '../config/environment.js';
import { defaultLegalGrounds, type LagesbildPolicy } from './lagesbild.decider.js';

/**
 * The municipality's lägesbild rules: lägesbild's part of the one configuration
 * (config/app-config.ts), declared in its manifest. LAGET_MUNICIPALITY_NAME (the default Bakgrund
 * names it) and LAGET_FOUR_EYES (the approver must be someone other than the last person to edit
 * and the last to redact) are the municipality's, in AppConfig.
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

export const lagesbildSettingsSchema = z.object({
  LAGET_BACKGROUND_TEXT: z
    .string()
    .trim()
    .min(1)
    .max(10_000)
    .optional()
    .describe(
      'the Bakgrund section every compile starts from (a blank line, or `\\n` written out, separates paragraphs)',
    )
    .meta({ documentedDefault: "a text built from the municipality's name" }),
  LAGET_LEGAL_GROUNDS: z
    .string()
    .transform((value) =>
      value
        .split(';')
        .map((ground) => ground.trim())
        .filter((ground) => ground.length > 0),
    )
    .pipe(z.array(z.string().max(200)).min(1, 'must name at least one legal ground'))
    .optional()
    .describe('the legal grounds a redaction may cite, separated by `;`')
    .meta({ documentedDefault: defaultLegalGrounds.join('; ') }),
});

/** Derived from the one configuration (provided once by LagesbildModule). */
export function lagesbildSettingsOf(config: AppConfig): LagesbildSettings {
  const env = config.settingsOf(lagesbildSettingsSchema);
  return {
    background:
      env.LAGET_BACKGROUND_TEXT?.replace(/\\n/g, '\n') ?? defaultBackground(config.municipalityName),
    policy: { legalGrounds: env.LAGET_LEGAL_GROUNDS ?? defaultLegalGrounds, fourEyes: config.fourEyes },
  };
}

/** From these variables alone (tests); throws a ConfigurationError naming a bad one. */
export function lagesbildSettingsFrom(source: Environment): LagesbildSettings {
  return lagesbildSettingsOf(AppConfig.fromEnvironment(source, [{ settings: lagesbildSettingsSchema }]));
}
