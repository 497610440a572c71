import type { Type } from '@nestjs/common';
import type { ICommandHandler, IQueryHandler } from '@nestjs/cqrs';
import type { z } from 'zod';
import type { AppConfig } from '../config/app-config.js';
import type { Reactor } from './jobs/reactor.js';
import type { Projection } from './projections/projection.js';
import { Upcasters } from './projections/upcasters.js';

/**
 * What a feature (identity, reporting, lagesbild, publication, audit) brings to the application,
 * in one place: the Nest module, the handlers it puts on the CommandBus and QueryBus, the read
 * models and reactors the projection runner feeds, the upcasters of its old event schemas and the
 * environment variables it reads. `features.ts` lists every manifest; the application, the
 * rebuild CLI and the configuration table all read that one list (docs/adr/0023), so nothing
 * under `platform/` imports a feature.
 */
export interface FeatureManifest {
  readonly name: string;
  readonly module: Type<unknown>;
  readonly commandHandlers: readonly Type<ICommandHandler>[];
  readonly queryHandlers: readonly Type<IQueryHandler>[];
  /** Read models, rebuildable from the log (`npm run projections:rebuild`). */
  readonly projections: readonly Projection[];
  /** Durable reactions: checkpointed consumers of the log that enqueue jobs (never the in-memory EventBus). */
  readonly reactors?: (config: AppConfig) => readonly Reactor[];
  /** Registers the steps from old event schemas to the current ones. */
  readonly upcasters?: (upcasters: Upcasters) => void;
  /** The environment variables the feature reads, each with `.describe()` for the README's table. */
  readonly settings?: z.ZodObject;
}

/** The injection token of the application's feature list. */
export const FEATURES = Symbol('FEATURES');

/** Declares a feature (a typed identity: the manifest is data). */
export function defineFeature(manifest: FeatureManifest): FeatureManifest {
  return manifest;
}

/** Every read model the features declare, in the order of the list. */
export function projectionsOf(features: readonly FeatureManifest[]): Projection[] {
  return features.flatMap((feature) => feature.projections);
}

/** The upcasters every feature registers: how the application, the CLI and tests read old events. */
export function upcastersOf(features: readonly FeatureManifest[]): Upcasters {
  const upcasters = new Upcasters();
  for (const feature of features) feature.upcasters?.(upcasters);
  return upcasters;
}
