import { describe, expect, it } from 'vitest';
import type { RoomState } from '../../../server/core/state';
import { expectChanged, expectUnchanged, FACILITATOR, member, roomWith, run, T0 } from './fixtures';

const room = roomWith(['a', 'b']);

describe('signal.send and signal.dismiss', () => {
  it('appends a signal with a fresh id, newest last', () => {
    let s = expectChanged(room, { type: 'signal.send', kind: 'need-a-moment' }, member('a'), T0 + 1_000);
    s = expectChanged(s, { type: 'signal.send', kind: 'slow-down' }, member('b'), T0 + 2_000);
    expect(s.signals).toEqual([
      { id: 's1', memberId: 'a', kind: 'need-a-moment', at: T0 + 1_000 },
      { id: 's2', memberId: 'b', kind: 'slow-down', at: T0 + 2_000 },
    ]);
    expect(s.seq).toBe(2);
  });

  it('keeps only the 50 newest', () => {
    let s: RoomState = room;
    for (let i = 1; i <= 53; i++) s = run(s, { type: 'signal.send', kind: 'slow-down' }, member('a'), T0 + i);
    expect(s.signals).toHaveLength(50);
    expect(s.signals[0]!.id).toBe('s4');
    expect(s.signals[49]!.id).toBe('s53');
  });

  it('dismiss removes one; an unknown or already dismissed id changes nothing', () => {
    let s = run(room, { type: 'signal.send', kind: 'check-in-with-me' }, member('a'), T0);
    s = run(s, { type: 'signal.send', kind: 'slow-down' }, member('b'), T0 + 1);
    const dismissed = expectChanged(s, { type: 'signal.dismiss', signalId: 's1' }, FACILITATOR, T0 + 2);
    expect(dismissed.signals.map((x) => x.id)).toEqual(['s2']);
    expectUnchanged(dismissed, { type: 'signal.dismiss', signalId: 's1' }, FACILITATOR, T0 + 3);
    expectUnchanged(dismissed, { type: 'signal.dismiss', signalId: 'nope' }, FACILITATOR, T0 + 3);
  });
});
