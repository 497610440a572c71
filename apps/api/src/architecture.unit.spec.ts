import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  MODULE_METADATA,
  SELF_DECLARED_DEPS_METADATA,
  PARAMTYPES_METADATA,
} from '@nestjs/common/constants.js';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { AppConfig } from './config/app-config.js';
import { features } from './features.js';

/*
 * The shape docs/adr/0023 sets, checked on the code rather than trusted to review: every feature's
 * handlers are what its module provides and carry @nestjs/cqrs's decorator, controllers only
 * dispatch (they are given the buses and configuration, never the runner, the stores or a
 * service), and no source file outside tests grows past 500 lines.
 */

const COMMAND_HANDLER = '__commandHandler__';
const QUERY_HANDLER = '__queryHandler__';

describe('the command path (docs/adr/0023)', () => {
  it.each(features.map((feature) => [feature.name, feature] as const))(
    '%s: the manifest lists exactly the handlers its module provides, each a @nestjs/cqrs handler',
    (_name, feature) => {
      const providers = (Reflect.getMetadata(MODULE_METADATA.PROVIDERS, feature.module) ?? []) as unknown[];
      for (const handler of feature.commandHandlers) {
        expect(providers).toContain(handler);
        expect(Reflect.getMetadata(COMMAND_HANDLER, handler)).toBeDefined();
      }
      for (const handler of feature.queryHandlers) {
        expect(providers).toContain(handler);
        expect(Reflect.getMetadata(QUERY_HANDLER, handler)).toBeDefined();
      }
      const declared = providers.filter(
        (provider) =>
          typeof provider === 'function' &&
          (Reflect.getMetadata(COMMAND_HANDLER, provider) || Reflect.getMetadata(QUERY_HANDLER, provider)),
      );
      expect(declared.length).toBe(feature.commandHandlers.length + feature.queryHandlers.length);
    },
  );

  it.each(features.map((feature) => [feature.name, feature] as const))(
    '%s: controllers are given the buses and configuration only',
    (_name, feature) => {
      const controllers = (Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, feature.module) ?? []) as Array<
        new (...args: never[]) => unknown
      >;
      for (const controller of controllers) {
        const injected = (Reflect.getMetadata(SELF_DECLARED_DEPS_METADATA, controller) ?? []) as unknown[];
        expect({ controller: controller.name, tokens: injected }).toEqual({
          controller: controller.name,
          tokens: [],
        });
        const types = (Reflect.getMetadata(PARAMTYPES_METADATA, controller) ?? []) as Array<{ name: string }>;
        for (const type of types) {
          const allowed =
            type === CommandBus || type === QueryBus || type === AppConfig || /Settings$/.test(type.name);
          expect({ controller: controller.name, dependency: type.name, allowed }).toMatchObject({
            allowed: true,
          });
        }
      }
    },
  );

  it('no source file of the API outside tests is over 500 lines', () => {
    const root = fileURLToPath(new URL('.', import.meta.url));
    const tooLong: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) {
          if (!['testing', 'fixtures', 'test'].includes(name)) walk(path);
        } else if (name.endsWith('.ts') && !name.endsWith('.spec.ts') && !name.endsWith('-kit.ts')) {
          const lines = readFileSync(path, 'utf8').split('\n').length - 1;
          if (lines > 500) tooLong.push(`${relative(root, path)}: ${lines}`);
        }
      }
    };
    walk(root);
    expect(tooLong).toEqual([]);
  });
});
