import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ANY } from '@laget/event-store';
import { createTestDatabase, describeWith } from '../../../test/support/services.js';
import { AppConfig } from './config/app-config.js';
import { defineFeature } from './platform/feature.js';
import { ProjectionRunner } from './platform/projections/projection-runner.js';
import {
  incidentLogProjection,
  incidentLogSnapshot,
} from './platform/projections/testing/incident-log.projection.js';
import { openStores } from './platform/stores.js';
import { rebuildCli } from './rebuild-projections.cli.js';

/** A feature that declares only the test's read model (the CLI imports no feature module). */
const incidentLogFeature = () =>
  defineFeature({
    name: 'test',
    module: class TestModule {},
    commandHandlers: [],
    queryHandlers: [],
    projections: [incidentLogProjection()],
  });

const quiet = { log: () => undefined, error: () => undefined };
const metadata = () => ({
  actorId: 'u1',
  organisationId: 'org-polisen',
  correlationId: randomUUID(),
  causationId: null,
  occurredAt: '2024-11-25T08:00:00+01:00',
});

/** Opens the stores as the application would, appends a small history and builds the read model live. */
async function buildIncrementally(env: Record<string, string>) {
  const stores = await openStores(AppConfig.fromEnvironment(env));
  const projection = incidentLogProjection();
  const runner = new ProjectionRunner({
    store: stores.eventStore,
    db: stores.readDb,
    projections: [projection],
  });
  await runner.start();
  for (let i = 0; i < 25; i++) {
    await stores.eventStore.append(
      `report-${i % 5}`,
      [
        {
          type: 'TestIncidentReported',
          data: {
            incidentId: `i${i}`,
            organisationId: `org-${i % 3}`,
            period: '2024-W48',
            problem: 'Bilbränder',
            severity: 3,
          },
          metadata: metadata(),
        },
        ...(i % 4 === 0
          ? [{ type: 'TestIncidentWithdrawn', data: { incidentId: `i${i}` }, metadata: metadata() }]
          : []),
      ],
      { expectedVersion: ANY },
    );
  }
  await runner.waitUntilCaughtUp();
  const snapshot = await incidentLogSnapshot(stores.readDb);
  return { stores, runner, snapshot };
}

describe('projections:rebuild CLI', () => {
  it('explains itself and refuses unknown names with exit code 2', async () => {
    const errors: string[] = [];
    const out = { log: () => undefined, error: (m: string) => errors.push(m) };
    expect(await rebuildCli([], {}, out)).toBe(2);
    expect(await rebuildCli(['finns-inte'], {}, out)).toBe(2);
    expect(errors.join('\n')).toMatch(/Unknown projection: finns-inte/);
    expect(errors.join('\n')).toMatch(/audit-log/);
  });

  it('rebuilds a projection in a PGlite data directory to what was built live', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'laget-rebuild-'));
    try {
      const env = { DATA_DIR: dataDir };
      const built = await buildIncrementally(env);
      await built.runner.stop();
      await built.stores.close();

      const log: string[] = [];
      const code = await rebuildCli(
        ['test-incident-log'],
        env,
        { log: (m) => log.push(m), error: (m) => log.push(m) },
        [incidentLogFeature()],
      );
      expect(code).toBe(0);
      expect(log.join('\n')).toMatch(/Rebuilt test-incident-log in/);

      const stores = await openStores(AppConfig.fromEnvironment(env));
      try {
        expect(await incidentLogSnapshot(stores.readDb)).toEqual(built.snapshot);
        expect(built.snapshot.incidents.length).toBeGreaterThan(0);
      } finally {
        await stores.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000); // three file-backed PGlite starts: slow on a loaded machine
});

describeWith(['postgres'], 'projections:rebuild CLI on PostgreSQL', () => {
  it('has the running instance replay the projection and waits for it', async () => {
    const database = await createTestDatabase();
    try {
      const env = { EVENT_STORE: 'postgres', DATABASE_URL: database.url };
      const app = await buildIncrementally(env);
      try {
        const code = await rebuildCli(['test-incident-log'], env, quiet, [incidentLogFeature()]);
        expect(code).toBe(0);
        expect(app.runner.status()[0]!.state).toBe('running');
        expect(await incidentLogSnapshot(app.stores.readDb)).toEqual(app.snapshot);
      } finally {
        await app.runner.stop();
        await app.stores.close();
      }
    } finally {
      await database.drop();
    }
  });

  it('sets up and rebuilds every registered projection of the application (--all)', async () => {
    const database = await createTestDatabase();
    try {
      const code = await rebuildCli(
        ['--all'],
        { EVENT_STORE: 'postgres', DATABASE_URL: database.url },
        quiet,
      );
      expect(code).toBe(0);
    } finally {
      await database.drop();
    }
  });
});
