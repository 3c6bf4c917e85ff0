import { describe, expect, it } from 'vitest';
import { displayView, facilitatorView, lobbyView, memberView } from '../../../server/core/views';
import { LobbyViewSchema } from '../../../shared/lobby';
import { DisplayViewSchema, FacilitatorViewSchema, RoomViewSchema } from '../../../shared/views';
import { FACILITATOR, member, roomWith, run, SYSTEM, T0 } from './fixtures';

// Ann and Bob in the circle; then agreements, a disclaimer, resources and approval; Wes reads the
// agreements, Xan waits at the door; an agenda runs and a pulse is open with one answer.
const state = (() => {
  let s = roomWith(['a', 'b']);
  s = run(
    s,
    {
      type: 'room.update',
      agreements: ['What is said here stays here'],
      disclaimer: 'A peer group, not therapy.',
      resources: [{ label: 'Crisis line', contact: '988' }],
    },
    FACILITATOR,
    T0,
  );
  s = run(s, { type: 'member.join', memberId: 'w', name: 'Wes', tokenHash: 'token-w' }, SYSTEM, T0 + 1_000);
  s = run(s, { type: 'room.update', admission: 'approve' }, FACILITATOR, T0 + 1_000);
  s = run(s, { type: 'member.join', memberId: 'x', name: 'Xan', tokenHash: 'token-x' }, SYSTEM, T0 + 2_000);
  s = run(s, { type: 'consent.accept' }, member('x'), T0 + 3_000);
  s = run(s, { type: 'agenda.set', segments: [{ kind: 'opening', minutes: 5 }] }, FACILITATOR, T0 + 4_000);
  s = run(s, { type: 'agenda.next' }, FACILITATOR, T0 + 5_000);
  s = run(s, { type: 'pulse.open', question: 'How is the pace?' }, FACILITATOR, T0 + 6_000);
  s = run(s, { type: 'pulse.answer', value: 2 }, member('a'), T0 + 7_000);
  return s;
})();
const NOW = T0 + 10_000;

describe('views with admission, texts, agenda and pulse', () => {
  const fac = facilitatorView(state, NOW);
  const mem = memberView(state, NOW);
  const disp = displayView(state, NOW);

  it('each parses strictly as its schema', () => {
    expect(FacilitatorViewSchema.strict().parse(fac)).toEqual(fac);
    expect(RoomViewSchema.strict().parse(mem)).toEqual(mem);
    expect(DisplayViewSchema.strict().parse(disp)).toEqual(disp);
  });

  it('facilitators see everyone with their status; members and the display only the circle', () => {
    expect(fac.members.map((m) => [m.name, m.status])).toEqual([
      ['Ann', 'active'],
      ['Bob', 'active'],
      ['Wes', 'consent'],
      ['Xan', 'waiting'],
    ]);
    for (const view of [mem, disp]) {
      expect(view.members.map((m) => m.name)).toEqual(['Ann', 'Bob']);
      expect(JSON.stringify(view)).not.toMatch(/Wes|Xan/);
    }
  });

  it('every view carries the agreements and the agenda; the display neither disclaimer, resources nor pulse', () => {
    for (const view of [fac, mem, disp]) {
      expect(view.agreements).toEqual(['What is said here stays here']);
      expect(view.agenda).toMatchObject({ index: 0, startedAt: T0 + 5_000, timer: { durationMs: 300_000 } });
    }
    expect(mem).toMatchObject({
      disclaimer: 'A peer group, not therapy.',
      resources: [{ label: 'Crisis line', contact: '988' }],
    });
    expect(mem.pulse).toEqual({ id: 'p1', question: 'How is the pace?', open: true });
    expect(fac.pulse).toEqual({
      id: 'p1',
      question: 'How is the pace?',
      open: true,
      answered: 1,
      results: null,
    });
    for (const field of ['disclaimer', 'resources', 'pulse', 'stats', 'signals'])
      expect(disp).not.toHaveProperty(field);
  });

  it('a member outside the circle gets the lobby view: the room’s texts and their own status, nobody’s name', () => {
    const wes = state.members.find((m) => m.id === 'w')!;
    const lobby = lobbyView(state, wes, NOW);
    expect(LobbyViewSchema.strict().parse(lobby)).toEqual(lobby);
    expect(lobby).toEqual({
      version: state.version,
      serverNow: NOW,
      code: 'ABCDEF',
      title: 'Tuesday circle',
      status: 'consent',
      agreements: ['What is said here stays here'],
      disclaimer: 'A peer group, not therapy.',
      resources: [{ label: 'Crisis line', contact: '988' }],
    });
    expect(JSON.stringify(lobby)).not.toMatch(/Ann|Bob|Xan|pace/);
  });
});
