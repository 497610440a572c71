import { Client } from './http-client.js';

import { createHash } from 'node:crypto';

export const ADMIN_PASSWORD = 'test-admin-password-1';
export const NEW_PASSWORD_PREFIX = 'Ekorre-Kaffe-Gruva-';

/** Each login's own password: never containing its username, which the policy refuses. */
export const passwordFor = (username: string) =>
  `${NEW_PASSWORD_PREFIX}${createHash('sha256').update(username).digest('hex').slice(0, 8)}`;
export const ADMIN_NEW_PASSWORD = passwordFor('admin');

/** Logs the first-start admin in and replaces its one-time password. */
export async function adminClient(url: string): Promise<Client> {
  const admin = new Client(url);
  const login = await admin.login('admin', ADMIN_PASSWORD);
  if (login.status !== 200) throw new Error(`admin login: ${login.status} ${login.text}`);
  const changed = await admin.post('/api/auth/password', {
    currentPassword: ADMIN_PASSWORD,
    newPassword: ADMIN_NEW_PASSWORD,
  });
  if (changed.status !== 204) throw new Error(`admin password: ${changed.status} ${changed.text}`);
  return admin;
}

export async function createOrganisation(admin: Client, name: string, kind = 'other'): Promise<string> {
  const answer = await admin.post('/api/organisations', { name, kind });
  if (answer.status !== 201) throw new Error(`organisation ${name}: ${answer.status} ${answer.text}`);
  return answer.body.id;
}

export interface Person {
  id: string;
  username: string;
  password: string;
  client: Client;
  oneTimePassword: string;
}

/** Creates a login as admin, logs it in with its one-time password and sets its own password. */
export async function createPerson(
  url: string,
  admin: Client,
  username: string,
  organisationId: string | null,
  roles: string[],
): Promise<Person> {
  const created = await admin.post('/api/users', {
    username,
    displayName: `Person ${username}`,
    organisationId,
    roles,
  });
  if (created.status !== 201) throw new Error(`user ${username}: ${created.status} ${created.text}`);
  const client = new Client(url);
  const oneTimePassword = created.body.oneTimePassword as string;
  const login = await client.login(username, oneTimePassword);
  if (login.status !== 200) throw new Error(`login ${username}: ${login.status} ${login.text}`);
  const password = passwordFor(username);
  const changed = await client.post('/api/auth/password', {
    currentPassword: oneTimePassword,
    newPassword: password,
  });
  if (changed.status !== 204) throw new Error(`password ${username}: ${changed.status} ${changed.text}`);
  return { id: created.body.id, username, password, client, oneTimePassword };
}
