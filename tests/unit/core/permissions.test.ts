import { describe, expect, it } from 'vitest';
import type { Actor, SystemCommand } from '../../../server/core/actor';
import { apply } from '../../../server/core/apply';
import { COMMAND_TYPES, type Command } from '../../../shared/commands';
import type { ErrorCode } from '../../../shared/errors';
import { DISPLAY, FACILITATOR, member, roomWith, run, SYSTEM, T0 } from './fixtures';

// Ann (a) holds the piece in a check-in round; Bob (b) has a hand up and sent a signal (s2);
// Cora (co) is a co-facilitator; Wes (w) waits to be admitted. Popcorn is on, there is an agenda
// and a pulse is open.
const base = (() => {
  let s = run(
    roomWith(['a', 'b', 'c', 'co']),
    { type: 'member.role', memberId: 'co', role: 'cofacilitator' },
    FACILITATOR,
    T0,
  );
  s = run(s, { type: 'round.start', kind: 'check-in' }, FACILITATOR, T0 + 1_000);
  s = run(s, { type: 'hand.raise' }, member('b'), T0 + 2_000);
  s = run(s, { type: 'signal.send', kind: 'slow-down' }, member('b'), T0 + 3_000);
  s = run(s, { type: 'room.update', admission: 'approve', popcorn: true }, FACILITATOR, T0 + 4_000);
  s = run(s, { type: 'member.join', memberId: 'w', name: 'Wes', tokenHash: 'token-w' }, SYSTEM, T0 + 4_000);
  s = run(s, { type: 'agenda.set', segments: [{ kind: 'opening', minutes: 5 }] }, FACILITATOR, T0 + 4_000);
  s = run(s, { type: 'pulse.open' }, FACILITATOR, T0 + 4_000);
  return s;
})();

const roles: Record<string, Actor> = {
  facilitator: FACILITATOR,
  cofacilitator: member('co'),
  holder: member('a'),
  'non-holder': member('b'),
  display: DISPLAY,
  system: SYSTEM,
  'removed member': member('zz'),
  waiting: member('w'),
};
type RoleName = keyof typeof roles;

const facilitatorCommands: Command[] = [
  { type: 'round.start', kind: 'go-around' },
  { type: 'round.next' },
  { type: 'round.end' },
  { type: 'piece.give', memberId: 'b' },
  { type: 'piece.release' },
  { type: 'hand.call' },
  { type: 'timer.start', seconds: 60 },
  { type: 'timer.pause' },
  { type: 'timer.resume' },
  { type: 'timer.reset' },
  { type: 'timer.add', seconds: 30 },
  { type: 'order.set', memberIds: ['b', 'a', 'c', 'co'] },
  { type: 'member.remove', memberId: 'c' },
  { type: 'room.update', locked: true },
  { type: 'signal.dismiss', signalId: 's2' },
  { type: 'member.admit', memberId: 'w' },
  { type: 'member.decline', memberId: 'w' },
  { type: 'member.role', memberId: 'b', role: 'cofacilitator' },
  { type: 'nudge.send', kind: 'wrap-up' },
  { type: 'agenda.set', segments: [{ kind: 'closing', minutes: 10 }] },
  { type: 'agenda.next', from: null },
  { type: 'agenda.prev' },
  { type: 'pulse.open', question: 'How is the pace?' },
  { type: 'pulse.close' },
  { type: 'room.end' },
];
const memberCommands: Command[] = [
  { type: 'turn.done' },
  { type: 'turn.pass' },
  { type: 'hand.raise' },
  { type: 'hand.lower' },
  { type: 'signal.send', kind: 'need-a-moment' },
  { type: 'consent.accept' },
  { type: 'turn.handTo', memberId: 'b' },
  { type: 'pulse.answer', value: 4 },
];
const systemCommands: SystemCommand[] = [
  { type: 'member.join', memberId: 'e', name: 'Eve', tokenHash: 'token-e' },
  { type: 'presence.set', memberId: 'b', online: false },
];

/** The expected answer of each role: 'ok' or the refusal's code. */
function expected(command: Command | SystemCommand, role: RoleName): 'ok' | ErrorCode {
  // A member outside the circle may only accept the agreements; checked before anything else.
  if (role === 'waiting') return command.type === 'consent.accept' ? 'ok' : 'not_admitted';
  if (systemCommands.includes(command as SystemCommand)) return role === 'system' ? 'ok' : 'forbidden';
  if (facilitatorCommands.includes(command as Command)) {
    return role === 'facilitator' || role === 'cofacilitator' ? 'ok' : 'forbidden';
  }
  if (role === 'cofacilitator' || role === 'holder' || role === 'non-holder') {
    const holds = role === 'holder';
    const holderOnly =
      command.type === 'turn.done' || command.type === 'turn.pass' || command.type === 'turn.handTo';
    return holderOnly && !holds ? 'not_holder' : 'ok';
  }
  return 'forbidden';
}

const cases = [...facilitatorCommands, ...memberCommands, ...systemCommands].flatMap((command) =>
  Object.keys(roles).map((role) => ({ command, role, want: expected(command, role) })),
);

describe('who may send what', () => {
  it('covers every command type', () => {
    const covered = [...facilitatorCommands, ...memberCommands].map((c) => c.type).sort();
    expect(covered).toEqual([...COMMAND_TYPES].sort());
  });

  it.each(cases)('$command.type by $role → $want', ({ command, role, want }) => {
    const before = structuredClone(base);
    const result = apply(base, command, roles[role]!, T0 + 10_000);
    // Whatever the answer, the input is never touched.
    expect(base).toEqual(before);
    if (want === 'ok') {
      expect(result.ok).toBe(true);
      if (result.ok && result.state !== base) expect(result.state.version).toBe(base.version + 1);
    } else {
      expect(result).toEqual({ ok: false, error: { code: want, message: expect.any(String) } });
    }
  });

  it('checks the role before the from guard', () => {
    const result = apply(base, { type: 'round.next', from: 'b' }, member('b'), T0 + 10_000);
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('a member who is only a member may not act as facilitator even holding the piece', () => {
    const result = apply(base, { type: 'piece.give', memberId: 'c' }, member('a'), T0 + 10_000);
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
