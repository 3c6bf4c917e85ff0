import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor, SystemCommand } from '../../../server/core/actor';
import { apply } from '../../../server/core/apply';
import type { RoomState } from '../../../server/core/state';
import type { Command } from '../../../shared/commands';
import { DISPLAY, FACILITATOR, member, roomWith, SYSTEM, T0 } from './fixtures';

const IDS = ['a', 'b', 'c', 'd', 'e'];
const id = fc.constantFrom(...IDS, 'zz');

const command: fc.Arbitrary<Command | SystemCommand> = fc.oneof(
  fc.record({
    type: fc.constant('round.start' as const),
    kind: fc.constant('check-in' as const),
    revisitPassed: fc.boolean(),
  }),
  fc.record({ type: fc.constant('round.next' as const), from: fc.option(id, { nil: undefined }) }),
  fc.constantFrom<Command>(
    { type: 'round.end' },
    { type: 'piece.release' },
    { type: 'hand.call' },
    { type: 'timer.pause' },
    { type: 'timer.resume' },
    { type: 'timer.reset' },
    { type: 'turn.done' },
    { type: 'turn.pass' },
    { type: 'hand.raise' },
    { type: 'hand.lower' },
    { type: 'room.update', queueOrder: 'least-spoken' },
    { type: 'room.update', queueOrder: 'raised' },
  ),
  fc.record({ type: fc.constant('piece.give' as const), memberId: id }),
  fc.record({ type: fc.constant('timer.start' as const), seconds: fc.integer({ min: 1, max: 300 }) }),
  fc.record({ type: fc.constant('timer.add' as const), seconds: fc.integer({ min: -300, max: 300 }) }),
  fc.record({ type: fc.constant('member.remove' as const), memberId: id }),
  fc.record({ type: fc.constant('presence.set' as const), memberId: id, online: fc.boolean() }),
  id.map(
    (m): SystemCommand => ({ type: 'member.join', memberId: `${m}2`, name: `New ${m}`, tokenHash: `t-${m}` }),
  ),
);
const actor: fc.Arbitrary<Actor> = fc.oneof(
  fc.constantFrom<Actor>(FACILITATOR, DISPLAY, SYSTEM),
  id.map((m) => member(m)),
);
const step = fc.record({ command, actor, dt: fc.integer({ min: 0, max: 60_000 }) });

function checkInvariants(s: RoomState): void {
  const ids = s.members.map((m) => m.id);
  expect([...s.order].sort()).toEqual([...ids].sort());
  if (s.speaker !== null) expect(ids).toContain(s.speaker.memberId);
  for (const h of s.hands) expect(ids).toContain(h);
  expect(Object.keys(s.stats).sort()).toEqual([...ids].sort());
  for (const stats of Object.values(s.stats)) expect(stats.spokenMs).toBeGreaterThanOrEqual(0);
  if (s.timer !== null) expect(s.timer.elapsedMs).toBeGreaterThanOrEqual(0);
  if (s.round !== null) {
    for (const r of s.round.order) expect(ids).toContain(r);
    if (s.round.endedAt === null) expect(s.round.index).toBeLessThan(s.round.order.length);
  }
}

describe('invariants under random command sequences (seeded)', () => {
  it('hold after every command; a refusal changes nothing; versions grow by one per change', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        let state = roomWith(IDS, { offline: ['e'] });
        let now = T0;
        for (const { command, actor, dt } of steps) {
          now += dt;
          const before = structuredClone(state);
          const result = apply(state, command, actor, now);
          expect(state).toEqual(before);
          if (result.ok && result.state !== state) {
            expect(result.state.version).toBe(state.version + 1);
            state = result.state;
          }
          checkInvariants(state);
        }
      }),
      { seed: 20_240_501, numRuns: 200 },
    );
  });
});
