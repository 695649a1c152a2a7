import type { Role } from '#libs/contracts';
import { ADMIN, type TestApp, type TestClient } from './test-app.js';

let counter = 0;
export const uniqueName = (prefix = 'user') =>
  `${prefix}_${process.pid.toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 5)}`;

export async function login(client: TestClient, username: string, password: string): Promise<TestClient> {
  const res = await client.post('/api/auth/login', { username, password });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  client.user = res.body;
  client.password = password;
  return client;
}

/** Anything that hands out clients of one running app: a TestApp, or an app in a process of its own. */
export type AppClients = Pick<TestApp, 'client'>;

export async function asAdmin(app: AppClients): Promise<TestClient> {
  return login(app.client(), ADMIN.username, ADMIN.password);
}

/** Registers and logs in a new user; with a role other than member, an admin grants it first. */
export async function newUser(
  app: AppClients,
  role: Role = 'member',
  fields: { username?: string; displayName?: string; email?: string } = {},
): Promise<TestClient> {
  const username = fields.username ?? uniqueName(role);
  const password = `pw-${username}-long-enough`;
  const client = app.client();
  const res = await client.post('/api/auth/register', {
    username,
    password,
    displayName: fields.displayName ?? `Name ${username}`,
    email: fields.email,
    acceptGuidelines: true,
    acceptPrivacy: true,
  });
  if (res.status !== 201) throw new Error(`register ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  if (role !== 'member') {
    const admin = await asAdmin(app);
    const set = await admin.patch(`/api/admin/users/${res.body.id}`, { role });
    if (set.status !== 200) throw new Error(`set role: ${set.status} ${JSON.stringify(set.body)}`);
  }
  return login(client, username, password);
}
