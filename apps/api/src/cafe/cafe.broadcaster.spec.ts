import { jest } from '@jest/globals';
import type { CafeParticipant } from '#libs/contracts';
import { CafeBroadcaster, PRESENCE_LIST_MAX, type CafeNamespace } from './cafe.broadcaster.js';

/** A namespace that records what would be emitted to which channel. */
function recordingNamespace() {
  const sent: { channel: string; event: string; payload: { participants: CafeParticipant[]; count: number } }[] = [];
  const ns = {
    to: (channel: string) => ({ emit: (event: string, payload: never) => sent.push({ channel, event, payload }) }),
  };
  return { ns: ns as unknown as CafeNamespace, sent };
}

const people = (n: number, hosts = 0): CafeParticipant[] =>
  Array.from({ length: n }, (_, i) => ({ id: `p${i}`, nickname: `Gjest ${i}`, isHost: i >= n - hosts }));

describe('CafeBroadcaster presence', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('should send one presence event with the latest list when many changes come at once', () => {
    const { ns, sent } = recordingNamespace();
    const broadcaster = new CafeBroadcaster();
    broadcaster.attach(ns);
    for (let n = 1; n <= 20; n++) broadcaster.presence('s1', 'kafe', people(n));
    expect(sent).toHaveLength(0);
    jest.advanceTimersByTime(400);
    expect(sent).toHaveLength(1);
    expect(sent[0].payload.count).toBe(20);
    expect(sent[0].payload.participants).toHaveLength(20);
  });

  it('should list at most 100 in a crowded room, hosts first, and count everyone', () => {
    const { ns, sent } = recordingNamespace();
    const broadcaster = new CafeBroadcaster();
    broadcaster.attach(ns);
    broadcaster.presence('s1', 'kafe', people(1000, 2));
    jest.advanceTimersByTime(2_100);
    expect(sent).toHaveLength(1);
    expect(sent[0].payload.count).toBe(1000);
    expect(sent[0].payload.participants).toHaveLength(PRESENCE_LIST_MAX);
    expect(sent[0].payload.participants.slice(0, 2).every((p) => p.isHost)).toBe(true);
  });

  it('should keep sessions apart', () => {
    const { ns, sent } = recordingNamespace();
    const broadcaster = new CafeBroadcaster();
    broadcaster.attach(ns);
    broadcaster.presence('s1', 'a', people(1));
    broadcaster.presence('s2', 'b', people(2));
    jest.advanceTimersByTime(400);
    expect(sent.map((e) => [e.channel, e.payload.count]).sort()).toEqual([
      ['cafe:s:s1', 1],
      ['cafe:s:s2', 2],
    ]);
  });
});
