import { describe, expect, it } from 'vitest';
import { apply } from '../../../server/core/apply';
import type { RoomState } from '../../../server/core/state';
import {
  emptyRoom,
  expectChanged,
  expectRefused,
  expectUnchanged,
  FACILITATOR,
  join,
  member,
  roomWith,
  run,
  SYSTEM,
  T0,
} from './fixtures';

describe('member.join', () => {
  it('appends an offline member with zeroed stats, at the end of the seating order', () => {
    const s = expectChanged(roomWith(['a']), join('b', 'Bob'), SYSTEM, T0 + 7_000);
    expect(s.members[1]).toEqual({
      id: 'b',
      name: 'Bob',
      role: 'member',
      status: 'active',
      online: false,
      handRaisedAt: null,
      tokenHash: 'token-b',
      joinedAt: T0 + 7_000,
    });
    expect(s.order).toEqual(['a', 'b']);
    expect(s.stats.b).toEqual({ spokenMs: 0, turns: 0, passes: 0, lastSpokeAt: null });
  });

  it.each([
    {
      name: 'a locked room',
      room: () => emptyRoom({ locked: true }),
      cmd: join('b', 'Bob'),
      code: 'room_locked',
    },
    {
      name: 'a name taken ignoring case',
      room: () => roomWith(['a']),
      cmd: join('b', 'ANN'),
      code: 'name_taken',
    },
    {
      name: 'a name equal after normalisation',
      room: () => roomWith(['a']),
      cmd: join('b', 'Ａnn'),
      code: 'name_taken',
    },
  ] as const)('refuses $name', ({ room, cmd, code }) => {
    expectRefused(room(), cmd, SYSTEM, T0, code);
  });

  it('a retry for an id already present changes nothing (even in a locked room)', () => {
    expectUnchanged(roomWith(['a']), join('a', 'Ann'), SYSTEM, T0 + 1);
    const locked = run(roomWith(['a']), { type: 'room.update', locked: true }, FACILITATOR, T0);
    expectUnchanged(locked, join('a', 'Ann'), SYSTEM, T0 + 1);
  });
});

describe('presence.set', () => {
  it.each([
    { name: 'an unknown member', cmd: { type: 'presence.set', memberId: 'zz', online: false } },
    { name: 'no change', cmd: { type: 'presence.set', memberId: 'a', online: true } },
  ] as const)('changes nothing for $name', ({ cmd }) => {
    expectUnchanged(roomWith(['a']), cmd, SYSTEM, T0);
  });

  it('going offline keeps the piece and the raised hand', () => {
    let s = run(roomWith(['a']), { type: 'piece.give', memberId: 'a' }, FACILITATOR, T0);
    s = run(s, { type: 'hand.raise' }, member('a'), T0 + 1);
    s = expectChanged(s, { type: 'presence.set', memberId: 'a', online: false }, SYSTEM, T0 + 2);
    expect(s.members[0]!.online).toBe(false);
    expect(s.speaker?.memberId).toBe('a');
    expect(s.hands).toEqual(['a']);
  });
});

describe('member.remove', () => {
  // A round of a, b, c, d; Bob has the piece (index 1); Cid raised a hand and sent a signal.
  const mid = (() => {
    let s = roomWith(['a', 'b', 'c', 'd']);
    s = run(s, { type: 'round.start', kind: 'go-around' }, FACILITATOR, T0);
    s = run(s, { type: 'round.next' }, FACILITATOR, T0 + 1_000);
    s = run(s, { type: 'hand.raise' }, member('c'), T0 + 2_000);
    s = run(s, { type: 'signal.send', kind: 'need-a-moment' }, member('c'), T0 + 3_000);
    return s;
  })();

  /**
   * Every trace of the member is gone but the revoked token hash and, until the room ends, their
   * line of the summary (name and share of speaking, no id) in `departed`.
   */
  function expectGone(s: RoomState, id: string, name: string) {
    const json = JSON.stringify({ ...s, departed: [] });
    expect(json).not.toContain(name);
    expect(s.departed.map((d) => d.name)).toContain(name);
    expect(JSON.stringify(s.departed)).not.toContain(`"${id}"`);
    expect(s.members.map((m) => m.id)).not.toContain(id);
    expect(s.order).not.toContain(id);
    expect(s.hands).not.toContain(id);
    expect(s.stats[id]).toBeUndefined();
    expect(s.signals.map((x) => x.memberId)).not.toContain(id);
    expect(s.round?.order ?? []).not.toContain(id);
    expect(s.round?.outcomes[id]).toBeUndefined();
    expect(s.revokedTokenHashes).toContain(`token-${id}`);
  }

  it('refuses someone who is not in the room', () => {
    expectRefused(mid, { type: 'member.remove', memberId: 'zz' }, FACILITATOR, T0 + 5_000, 'unknown_member');
  });

  it.each([
    // Cid's turn is still to come: the round keeps its current member.
    { id: 'c', name: 'Cid', speaker: 'b', index: 1, order: ['a', 'b', 'd'] },
    // Ann already spoke: the index shifts down to stay on Bob.
    { id: 'a', name: 'Ann', speaker: 'b', index: 0, order: ['b', 'c', 'd'] },
    // Bob holds the piece: it moves on to the next in the round.
    { id: 'b', name: 'Bob', speaker: 'c', index: 1, order: ['a', 'c', 'd'] },
  ])('removing $name mid-round → $speaker holds at index $index', ({ id, name, speaker, index, order }) => {
    const s = expectChanged(mid, { type: 'member.remove', memberId: id }, FACILITATOR, T0 + 5_000);
    expectGone(s, id, name);
    expect(s.speaker?.memberId).toBe(speaker);
    expect(s.round).toMatchObject({ index, order, endedAt: null });
    expect(s.round!.order[s.round!.index]).toBe(speaker);
  });

  it('removing the holder does not settle their time to anyone and restarts the timer for the next', () => {
    const s = run(mid, { type: 'member.remove', memberId: 'b' }, FACILITATOR, T0 + 5_000);
    expect(s.speaker).toEqual({ memberId: 'c', since: T0 + 5_000 });
    expect(s.timer).toEqual({ durationMs: 120_000, startedAt: T0 + 5_000, elapsedMs: 0 });
    expect(s.stats.a).toMatchObject({ spokenMs: 1_000, turns: 1 });
  });

  it.each([
    { name: 'nobody holds the piece', holder: null, settled: null },
    { name: 'someone holds it out of turn', holder: 'd', settled: 'd' },
  ])('removing the member whose turn it is moves the round on when $name', ({ holder, settled }) => {
    let s = run(mid, { type: 'piece.release' }, FACILITATOR, T0 + 4_000);
    if (holder !== null) s = run(s, { type: 'piece.give', memberId: holder }, FACILITATOR, T0 + 4_000);
    s = run(s, { type: 'member.remove', memberId: 'b' }, FACILITATOR, T0 + 5_000);
    expect(s.speaker).toEqual({ memberId: 'c', since: T0 + 5_000 });
    expect(s.round).toMatchObject({ order: ['a', 'c', 'd'], index: 1 });
    expect(s.round!.outcomes).toEqual({ a: 'spoke', c: 'pending', d: 'pending' });
    if (settled !== null) expect(s.stats[settled]).toMatchObject({ spokenMs: 1_000, turns: 1 });
  });

  it('removing the last member of a round completes it', () => {
    let s = run(mid, { type: 'round.next' }, FACILITATOR, T0 + 2_000);
    s = run(s, { type: 'round.next' }, FACILITATOR, T0 + 3_000);
    s = run(s, { type: 'member.remove', memberId: 'd' }, FACILITATOR, T0 + 4_000);
    expect(s.round).toMatchObject({ order: ['a', 'b', 'c'], index: 3, endedAt: T0 + 4_000 });
    expect(s.speaker).toBeNull();
    expect(s.timer).toBeNull();
  });

  it('removing the holder outside a round frees the piece', () => {
    const held = run(roomWith(['a', 'b']), { type: 'piece.give', memberId: 'a' }, FACILITATOR, T0);
    const s = run(held, { type: 'member.remove', memberId: 'a' }, FACILITATOR, T0 + 1_000);
    expect(s.speaker).toBeNull();
    expect(s.timer).toBeNull();
    expectGone(s, 'a', 'Ann');
  });

  it('a removed member may send nothing any more', () => {
    const s = run(mid, { type: 'member.remove', memberId: 'c' }, FACILITATOR, T0 + 5_000);
    expectRefused(s, { type: 'hand.raise' }, member('c'), T0 + 6_000, 'forbidden');
  });
});

describe('order.set', () => {
  const room = roomWith(['a', 'b', 'c']);

  it('sets the seating order', () => {
    const s = expectChanged(room, { type: 'order.set', memberIds: ['c', 'a', 'b'] }, FACILITATOR, T0);
    expect(s.order).toEqual(['c', 'a', 'b']);
  });

  it('the same order changes nothing', () => {
    expectUnchanged(room, { type: 'order.set', memberIds: ['a', 'b', 'c'] }, FACILITATOR, T0);
  });

  it.each([
    { name: 'an unknown id', ids: ['a', 'b', 'c', 'zz'], code: 'unknown_member' as const },
    { name: 'someone left out', ids: ['a', 'c'], code: 'invalid_command' as const },
  ])('refuses $name', ({ ids, code }) => {
    expectRefused(room, { type: 'order.set', memberIds: ids }, FACILITATOR, T0, code);
  });

  it('says how many are left out, never who', () => {
    const result = apply(room, { type: 'order.set', memberIds: ['a'] }, FACILITATOR, T0);
    expect(result.ok).toBe(false);
    const message = result.ok ? '' : result.error.message;
    expect(message).toContain('2 members');
    expect(message).not.toMatch(/Bob|Cid/);
  });
});
