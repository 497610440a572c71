import type { MapSettingsView } from '@laget/contracts';
import { z } from 'zod';
import { AppConfig } from '../config/app-config.js';
import type { Environment } from '../config/environment.js';

/** The fewest incidents an open map cell shows as a number; fewer read "färre än 3". */
export const DEFAULT_MAP_MIN_COUNT = 3;

/**
 * The map's part of the one configuration (config/app-config.ts), declared in its manifest.
 * Without a style URL the maps draw on a plain background and nothing is fetched from a third
 * party; a URL must be https, so a panel served over https never mixes in plain http.
 */
export const mapSettingsSchema = z.object({
  LAGET_MAP_STYLE_URL: z
    .url({ protocol: /^https$/, error: 'must be an https:// URL of a MapLibre style (style.json)' })
    .max(2000)
    .optional()
    .describe(
      "the base map's MapLibre style (e.g. the municipality's or Lantmäteriet's); unset: areas and places on a plain background, no third-party request",
    )
    .meta({ documentedDefault: 'none: no base map' }),
  LAGET_MAP_MIN_COUNT: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(DEFAULT_MAP_MIN_COUNT)
    .describe(
      'the open map shows an area and category with fewer incidents than this as "färre än N", never the number',
    ),
});

/** Read from the one configuration; the publication's open map reads `minCount` here too. */
export function mapSettingsOf(config: AppConfig): MapSettingsView {
  const env = config.settingsOf(mapSettingsSchema);
  return { styleUrl: env.LAGET_MAP_STYLE_URL ?? null, minCount: env.LAGET_MAP_MIN_COUNT };
}

/** From these variables alone (tests); throws a ConfigurationError naming a bad one. */
export function mapSettingsFrom(source: Environment): MapSettingsView {
  return mapSettingsOf(AppConfig.fromEnvironment(source, [{ settings: mapSettingsSchema }]));
}
