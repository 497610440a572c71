import { openPostgres, type SqlDatabase } from '@laget/event-store';
import { createTestDatabase, describeWith } from '../../../../test/support/services.js';
import { applyIdentityEvent, IDENTITY_READ_MODEL_DDL } from './identity.projection.js';

/**
 * The command side applies its own events at once while the projection runner may apply the
 * same events at the same moment: the two must never collide, whichever index they meet first.
 */
describeWith(['postgres'], 'identity read model applied twice at once (PostgreSQL)', () => {
  let db: SqlDatabase;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    db = openPostgres(database.url, { max: 8 });
    for (const statement of IDENTITY_READ_MODEL_DDL) await db.query(statement);
  });

  afterAll(async () => {
    await db.close();
    await drop();
  });

  it('lets concurrent writers of the same UserCreated agree instead of failing on the username', async () => {
    for (let round = 0; round < 300; round++) {
      const event = {
        type: 'UserCreated',
        streamVersion: 1,
        data: {
          userId: `user-${round}`,
          username: `rapportor${round}`,
          displayName: `Rapportör ${round}`,
          email: null,
          organisationId: 'org-1',
          roles: ['reporter'],
        },
      };
      // Separate transactions, as the request and the projection runner use.
      const writers = Array.from({ length: 8 }, () => db.transaction((tx) => applyIdentityEvent(tx, event)));
      await expect(Promise.all(writers)).resolves.toBeDefined();
    }
    const { rows } = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM identity_users');
    expect(rows[0]!.count).toBe(300);
  });
});
