import { newUser } from './factories.js';
import { must, reply } from './forum.js';
import type { TestApp, TestClient } from './test-app.js';

/** What the authorisation sweep needs for reader safety (issue 18). */
export interface ReaderSafetyFixtures {
  /** A published post by a member none of the sweep's actors is. */
  post: string;
  /** That member's username, to ignore. */
  username: string;
  /** An entry of the actor's own ignore list (for DELETE /api/me/ignored/{id}). */
  freshIgnore(actor: TestClient): Promise<string>;
}

export async function readerSafetyFixtures(app: TestApp, threadId: string): Promise<ReaderSafetyFixtures> {
  const writer = await newUser(app);
  const post = (await reply(writer, threadId, 'Et innlegg å reagere på')).id;
  const username = writer.user!.username;
  return {
    post,
    username,
    freshIgnore: async (actor) => must(await actor.post('/api/me/ignored', { username }), 201).body.id as string,
  };
}
