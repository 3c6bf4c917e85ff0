import { describe, expect, it } from 'vitest';
import { createRoomState } from '../../../server/core/create-room';
import { displayView, facilitatorView, memberView, SHOWN_AS_IS } from '../../../server/core/views';
import { DisplayViewSchema, FacilitatorViewSchema, RoomViewSchema } from '../../../shared/views';
import { emptyRoom, FACILITATOR, member, roomWith, run, T0 } from './fixtures';

// Ann holds the piece from +10 s in a round; Cid and Bob raised hands; Bob sent a signal; Dee was removed.
const state = (() => {
  let s = roomWith(['a', 'b', 'c', 'd'], { settings: { queueOrder: 'raised' } });
  s = run(s, { type: 'member.remove', memberId: 'd' }, FACILITATOR, T0 + 1_000);
  s = run(s, { type: 'piece.give', memberId: 'b' }, FACILITATOR, T0 + 2_000);
  s = run(
    s,
    { type: 'round.start', kind: 'check-in', prompt: 'How are you arriving?' },
    FACILITATOR,
    T0 + 10_000,
  );
  s = run(s, { type: 'hand.raise' }, member('c'), T0 + 11_000);
  s = run(s, { type: 'hand.raise' }, member('b'), T0 + 12_000);
  s = run(s, { type: 'signal.send', kind: 'slow-down' }, member('b'), T0 + 13_000);
  return s;
})();
const NOW = T0 + 40_000;

const views = {
  facilitator: facilitatorView(state, NOW),
  member: memberView(state, NOW),
  display: displayView(state, NOW),
};

describe('views', () => {
  it.each(Object.entries(views))('the %s view holds no secret', (_role, view) => {
    const json = JSON.stringify(view);
    for (const secret of [
      'hash-of-facilitator-key',
      'hash-of-display-key',
      'token-',
      'tokenHash',
      'revoked',
      'Dee',
    ]) {
      expect(json).not.toContain(secret);
    }
  });

  it.each([
    ['member', views.member, RoomViewSchema],
    ['display', views.display, DisplayViewSchema],
  ] as const)('the %s view parses as its schema and has no stats or signals', (_role, view, schema) => {
    expect(schema.strict().parse(view)).toEqual(view);
    expect(view).not.toHaveProperty('stats');
    expect(view).not.toHaveProperty('signals');
  });

  it('the facilitator view parses and adds live stats and signals', () => {
    const view = views.facilitator;
    expect(FacilitatorViewSchema.strict().parse(view)).toEqual(view);
    expect(view.stats).toEqual({
      a: { spokenMs: 30_000, turns: 0, passes: 0, lastSpokeAt: T0 + 10_000 },
      b: { spokenMs: 8_000, turns: 1, passes: 0, lastSpokeAt: T0 + 2_000 },
      c: { spokenMs: 0, turns: 0, passes: 0, lastSpokeAt: null },
    });
    expect(view.signals).toEqual([{ id: 's2', memberId: 'b', kind: 'slow-down', at: T0 + 13_000 }]);
  });

  it('shows the room as it is at `now`', () => {
    const view = views.member;
    expect(view).toMatchObject({
      version: state.version,
      serverNow: NOW,
      code: 'ABCDEF',
      title: 'Tuesday circle',
    });
    expect(view.members.map((m) => m.name)).toEqual(['Ann', 'Bob', 'Cid']);
    expect(view.members[0]).toEqual({
      id: 'a',
      name: 'Ann',
      role: 'member',
      online: true,
      handRaisedAt: null,
    });
    expect(view.speaker).toEqual({ memberId: 'a', since: T0 + 10_000 });
    expect(view.hands).toEqual(['c', 'b']);
    expect(view.round).toMatchObject({ id: 'r1', prompt: 'How are you arriving?', index: 0, endedAt: null });
    expect(view.round).not.toHaveProperty('revisited');
  });

  it('orders hands as hand.call serves them (least-spoken: Cid has not spoken)', () => {
    const s = run(state, { type: 'room.update', queueOrder: 'least-spoken' }, FACILITATOR, T0 + 20_000);
    expect(memberView(s, NOW).hands).toEqual(['c', 'b']);
    // Given the piece (which leaves a hand up), Cid's live 10 s passes Bob's 8 s.
    const s2 = run(s, { type: 'piece.give', memberId: 'c' }, FACILITATOR, T0 + 20_000);
    expect(memberView(s2, T0 + 27_000).hands).toEqual(['c', 'b']);
    expect(memberView(s2, T0 + 30_000).hands).toEqual(['b', 'c']);
  });

  it('shows as they are exactly the parts SHOWN_AS_IS lists (the broadcaster trusts that list)', () => {
    for (const role of ['facilitator', 'member', 'display'] as const) {
      const view = views[role] as unknown as Record<string, unknown>;
      const parts = state as unknown as Record<string, unknown>;
      for (const key of SHOWN_AS_IS[role]) expect(view[key], `${role}.${key}`).toBe(parts[key]);
      const shared = Object.keys(view).filter(
        (key) => typeof view[key] === 'object' && view[key] !== null && view[key] === parts[key],
      );
      for (const key of shared) expect(SHOWN_AS_IS[role], `${role}.${key}`).toContain(key);
    }
  });

  it('a view cannot change the state or another view: what it shares is frozen, the rest is its own', () => {
    const view = views.facilitator;
    expect(view.order).toBe(state.order);
    expect(() => view.order.push('x')).toThrow(TypeError);
    expect(() => {
      view.round!.outcomes.a = 'spoke';
    }).toThrow(TypeError);
    expect(() => {
      view.members[0]!.name = 'changed';
    }).toThrow(TypeError);
    expect(() => views.member.members.pop()).toThrow(TypeError);
    const own = facilitatorView(state, NOW);
    own.title = 'changed';
    expect(state.order).toEqual(['a', 'b', 'c']);
    expect(state.members[0]!.name).toBe('Ann');
    expect(state.round!.outcomes.a).toBe('pending');
    expect(memberView(state, NOW).title).toBe('Tuesday circle');
  });

  it('views of states that share their members share one member list; a member change makes a new one', () => {
    const later = run(state, { type: 'timer.add', seconds: 30 }, FACILITATOR, T0 + 41_000);
    expect(later.members).toBe(state.members);
    expect(memberView(later, NOW).members).toBe(views.member.members);
    expect(facilitatorView(later, NOW).members).toBe(views.facilitator.members);
    expect(displayView(later, NOW).members).toBe(views.display.members);

    const lowered = run(state, { type: 'hand.lower' }, member('c'), T0 + 42_000);
    const circle = memberView(lowered, NOW).members;
    expect(circle).not.toBe(views.member.members);
    expect(circle.find((m) => m.id === 'c')?.handRaisedAt).toBeNull();
    expect(views.member.members.find((m) => m.id === 'c')?.handRaisedAt).toBe(T0 + 11_000);
    expect(facilitatorView(lowered, NOW).members.find((m) => m.id === 'c')?.handRaisedAt).toBeNull();
  });
});

describe('createRoomState', () => {
  it('starts open, empty, at version 1', () => {
    const s = emptyRoom();
    expect(s).toMatchObject({ version: 1, status: 'open', seq: 0, createdAt: T0, members: [], order: [] });
    expect(s).toMatchObject({ speaker: null, timer: null, round: null, hands: [], stats: {}, signals: [] });
    expect(s.revokedTokenHashes).toEqual([]);
  });

  it('copies its inputs', () => {
    const settings = { ...emptyRoom().settings };
    const agenda = [{ kind: 'opening' as const, minutes: 5 }];
    const s = createRoomState({
      code: 'XYZXYZ',
      title: 'T',
      settings,
      agenda,
      facilitatorKeyHash: 'f',
      displayKeyHash: 'd',
      now: T0,
    });
    settings.turnSeconds = 999;
    agenda[0]!.minutes = 99;
    expect(s.settings.turnSeconds).toBe(120);
    expect(s.agenda).toEqual({
      segments: [{ kind: 'opening', title: 'Opening', plannedMs: 300_000 }],
      index: null,
      timer: null,
      startedAt: null,
    });
  });
});
