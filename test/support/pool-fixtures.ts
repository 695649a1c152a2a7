import { asAdmin, newUser } from './factories.js';
import { must } from './forum.js';
import type { TestApp, TestClient } from './test-app.js';

/** An expression of interest as the form sends it. */
export const poolInterestBody = {
  name: 'Feiende Person',
  email: 'feiing@example.no',
  preferredChannel: 'email',
  perspectives: ['peer'],
  message: 'Jeg vil gjerne være med.',
};

const day = 86_400_000;
export const assignmentBody = () => ({
  title: 'Et oppdrag fra feiingen',
  description: 'Gi råd om et nytt tilbud.',
  requester: 'DPS Feiing',
  confidentiality: 'Ikke del sakspapirer.',
  startsAt: new Date(Date.now() + day).toISOString(),
  endsAt: new Date(Date.now() + 60 * day).toISOString(),
  estimatedHours: 4,
});

type Stage = 'draft' | 'ready' | 'active';

/** What the authorisation sweep needs for the panel's pool (issue 16). */
export interface PoolFixtures {
  /** An expression of interest, for the coordinator to handle. */
  interest: string;
  /** Shared assignments for refused calls: a draft, and an active one the sweep's actors are not on. */
  draft: string;
  active: string;
  /** An offer to a member none of the sweep's actors is. */
  offer: string;
  /** A panel member for refused offers, and a fresh one free to be offered anything. */
  member: string;
  freshMember(): Promise<string>;
  /** An assignment of its own in that stage (`ready`: both accepted, not started); `primary` carries it. */
  freshAssignment(stage: Stage, primary?: TestClient): Promise<string>;
  /** An offer to that actor on a draft of its own. */
  freshOffer(to: TestClient): Promise<string>;
}

export async function poolFixtures(app: TestApp): Promise<PoolFixtures> {
  const admin = await asAdmin(app);
  must(await app.client().post('/api/panel/interest', poolInterestBody), 201);
  const [first] = must(await admin.get('/api/admin/panel/interest?limit=1'), 200).body.items as { id: string }[];

  const offer = async (id: string, to: TestClient, role: 'primary' | 'backup') =>
    must(await admin.post(`/api/admin/assignments/${id}/offers`, { userId: to.user!.id, role }), 201).body.id as string;
  const freshOffer = async (to: TestClient) => {
    const id = must(await admin.post('/api/admin/assignments', assignmentBody()), 201).body.id as string;
    return offer(id, to, 'primary');
  };
  const freshAssignment = async (stage: Stage, primary?: TestClient) => {
    const id = must(await admin.post('/api/admin/assignments', assignmentBody()), 201).body.id as string;
    if (stage === 'draft') return id;
    const lead = primary ?? (await newUser(app, 'panel'));
    const backup = await newUser(app, 'panel');
    must(await lead.post(`/api/me/offers/${await offer(id, lead, 'primary')}/accept`), 200);
    must(await backup.post(`/api/me/offers/${await offer(id, backup, 'backup')}/accept`), 200);
    if (stage === 'ready') return id;
    must(await admin.post(`/api/admin/assignments/${id}/start`), 200);
    return id;
  };
  return {
    interest: first.id,
    draft: await freshAssignment('draft'),
    active: await freshAssignment('active'),
    offer: await freshOffer(await newUser(app, 'panel')),
    member: (await newUser(app, 'panel')).user!.id,
    freshMember: async () => (await newUser(app, 'panel')).user!.id,
    freshAssignment,
    freshOffer,
  };
}
