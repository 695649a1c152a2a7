import { asAdmin } from './factories.js';
import { must } from './forum.js';
import type { TestApp } from './test-app.js';

/** An expression of interest as the form sends it. */
export const poolInterestBody = {
  name: 'Feiende Person',
  email: 'feiing@example.no',
  preferredChannel: 'email',
  perspectives: ['peer'],
  message: 'Jeg vil gjerne være med.',
};

/** What the authorisation sweep needs for the panel's pool (issue 16). */
export interface PoolFixtures {
  /** An expression of interest, for the coordinator to handle. */
  interest: string;
}

export async function poolFixtures(app: TestApp): Promise<PoolFixtures> {
  const admin = await asAdmin(app);
  must(await app.client().post('/api/panel/interest', poolInterestBody), 201);
  const [first] = must(await admin.get('/api/admin/panel/interest?limit=1'), 200).body.items as { id: string }[];
  return { interest: first.id };
}
