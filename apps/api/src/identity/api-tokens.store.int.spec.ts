import { freshPglite } from '@laget/event-store/testing';
import type { SqlDatabase } from '@laget/event-store';
import { FixedClock } from '../platform/commands/clock.js';
import { ApiTokensStore, TOKEN_RECHECK_MS } from './api-tokens.store.js';
import { applyIdentityEvent, IDENTITY_READ_MODEL_DDL } from './identity.projection.js';
import { IDENTITY_TABLES_DDL } from './identity.tables.js';

/**
 * A token is looked up in the database once per TOKEN_RECHECK_MS: a change made through the same
 * instance applies to the very next request, one made through another instance within that time.
 */
describe('ApiTokensStore: bearer tokens trusted briefly, forgotten on change', () => {
  let db: SqlDatabase;
  const clock = new FixedClock(new Date('2024-11-25T08:00:00Z'));
  let counter = 0;

  beforeAll(async () => {
    db = await freshPglite();
    for (const statement of [...IDENTITY_READ_MODEL_DDL, ...IDENTITY_TABLES_DDL]) await db.query(statement);
  });
  afterAll(() => db.close());

  /** A login with one token; two stores on one database stand for two API instances. */
  async function loginWithToken(store: ApiTokensStore) {
    const userId = `user-${++counter}`;
    await applyIdentityEvent(db, {
      type: 'UserCreated',
      streamVersion: 1,
      data: {
        userId,
        username: `rapportor${counter}`,
        displayName: `Rapportör ${counter}`,
        email: null,
        organisationId: 'org-1',
        roles: ['reporter'],
      },
    });
    const secret = `secret-${counter}-${'x'.repeat(40)}`;
    const token = await store.add({
      id: `token-${counter}`,
      ownerId: userId,
      name: 'integration',
      secret,
      expiresAt: new Date(clock.now().getTime() + 24 * 3_600_000),
    });
    return { userId, secret, tokenId: token.id };
  }

  it('refuses a token revoked through this instance at once, and through another within the recheck time', async () => {
    const here = new ApiTokensStore(db, clock);
    const there = new ApiTokensStore(db, clock);
    const { secret, tokenId } = await loginWithToken(here);
    expect((await here.ownerOf(secret))?.tokenId).toBe(tokenId);
    expect((await there.ownerOf(secret))?.tokenId).toBe(tokenId);

    await here.revoke(tokenId);
    expect(await here.ownerOf(secret)).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, TOKEN_RECHECK_MS + 50));
    expect(await there.ownerOf(secret)).toBeNull();
  });

  it('revoking all of a login’s tokens (password change, reset) ends them here at once and on another instance within the recheck time', async () => {
    const here = new ApiTokensStore(db, clock);
    const there = new ApiTokensStore(db, clock);
    const { userId, secret, tokenId } = await loginWithToken(here);
    expect((await there.ownerOf(secret))?.tokenId).toBe(tokenId);
    expect(await here.revokeAllOf(userId)).toEqual([tokenId]);
    expect(await here.ownerOf(secret)).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, TOKEN_RECHECK_MS + 50));
    expect(await there.ownerOf(secret)).toBeNull();
    expect(await here.revokeAllOf(userId)).toEqual([]);
  });

  it('says whether the owner’s organisation is active, read with the token', async () => {
    const store = new ApiTokensStore(db, clock);
    await applyIdentityEvent(db, {
      type: 'OrganisationRegistered',
      streamVersion: 1,
      data: { organisationId: 'org-1', name: 'Skolan', kind: 'school' },
    });
    const { secret } = await loginWithToken(store);
    expect((await store.ownerOf(secret))?.organisationActive).toBe(true);
    await applyIdentityEvent(db, {
      type: 'OrganisationDeactivated',
      streamVersion: 2,
      data: { organisationId: 'org-1' },
    });
    await new Promise((resolve) => setTimeout(resolve, TOKEN_RECHECK_MS + 50));
    expect((await store.ownerOf(secret))?.organisationActive).toBe(false);
  });

  it('reads the owner again at once when this instance changed the login', async () => {
    const store = new ApiTokensStore(db, clock);
    const { userId, secret } = await loginWithToken(store);
    expect((await store.ownerOf(secret))?.owner.active).toBe(true);
    await applyIdentityEvent(db, { type: 'UserDeactivated', streamVersion: 2, data: { userId } });
    store.forgetOwner(userId);
    expect((await store.ownerOf(secret))?.owner.active).toBe(false);
  });

  it('asks the database once per recheck time however many requests come with the token', async () => {
    let lookups = 0;
    const counting: SqlDatabase = {
      ...db,
      query: (text, params) => {
        if (text.includes('FROM identity_api_tokens t JOIN identity_users')) lookups++;
        return db.query(text, params);
      },
    };
    const store = new ApiTokensStore(counting, clock);
    const { secret } = await loginWithToken(store);
    for (let i = 0; i < 20; i++) expect(await store.ownerOf(secret)).not.toBeNull();
    expect(lookups).toBe(1);
  });

  it('still refuses a token once the clock passes its expiry, even while trusted', async () => {
    const store = new ApiTokensStore(db, clock);
    const { secret } = await loginWithToken(store);
    expect(await store.ownerOf(secret)).not.toBeNull();
    clock.advance(25 * 3_600_000);
    expect(await store.ownerOf(secret)).toBeNull();
  });
});
