import { newUser } from './factories.js';
import { must } from './forum.js';
import type { TestApp, TestClient } from './test-app.js';

/** A calendar event as a host writes it, three days ahead. */
export const eventBody = (fields: object = {}) => {
  const start = Date.now() + 72 * 3_600_000;
  return {
    title: 'Et møte fra feiingen',
    description: 'Vi møtes.',
    kind: 'meeting',
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + 3_600_000).toISOString(),
    audience: 'everyone',
    registration: 'open',
    ...fields,
  };
};

/** What the authorisation sweep needs for the calendar (issue 15). */
export interface CalendarFixtures {
  /** Events organised by a host none of the sweep's actors is. */
  everyone: string;
  panel: string;
  /** A new event, by that client (default: the same outside host). */
  fresh(by?: TestClient, fields?: object): Promise<string>;
  /** The secret of a member's personal feed (a member none of the sweep's actors is). */
  feedToken: string;
}

export async function calendarFixtures(app: TestApp): Promise<CalendarFixtures> {
  const organiser = await newUser(app, 'host');
  const fresh = async (by: TestClient = organiser, fields: object = {}) =>
    must(await by.post('/api/events', eventBody(fields)), 201).body.id as string;
  const url = must(await (await newUser(app)).post('/api/me/calendar-feed'), 201).body.url as string;
  return {
    everyone: await fresh(),
    panel: await fresh(organiser, { audience: 'panel' }),
    fresh,
    feedToken: new URL(url).pathname
      .split('/')
      .pop()!
      .replace(/\.ics$/, ''),
  };
}
