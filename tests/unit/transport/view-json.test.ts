import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { RoomState } from '../../../server/core/state';
import { roleViews, type ViewRole } from '../../../server/core/views';
import { extendedJson, roleViewsJson, withMembersJson } from '../../../server/transport/view-json';
import { emptyRoom, FACILITATOR, member, roomWith, run, SYSTEM, T0 } from '../core/fixtures';

const ROLES: ViewRole[] = ['facilitator', 'member', 'display'];

/** States whose views differ in every part: empty, a round with hands and a signal, texts, a lobby, an agenda, a pulse. */
const states = (() => {
  const empty = emptyRoom();
  let round = roomWith(['a', 'b', 'c']);
  round = run(round, { type: 'piece.give', memberId: 'b' }, FACILITATOR, T0 + 1_000);
  round = run(
    round,
    { type: 'round.start', kind: 'check-in', prompt: 'Arriving "here"?' },
    FACILITATOR,
    T0 + 2_000,
  );
  round = run(round, { type: 'hand.raise' }, member('c'), T0 + 3_000);
  round = run(round, { type: 'signal.send', kind: 'slow-down' }, member('a'), T0 + 4_000);
  let depth = run(
    roomWith(['a', 'b']),
    {
      type: 'room.update',
      agreements: ['What is said here stays here'],
      disclaimer: 'A peer group, not therapy.',
      resources: [{ label: 'Crisis line', contact: '988' }],
      admission: 'approve',
    },
    FACILITATOR,
    T0,
  );
  depth = run(
    depth,
    { type: 'member.join', memberId: 'x', name: 'Xan', tokenHash: 'token-x' },
    SYSTEM,
    T0 + 1_000,
  );
  depth = run(
    depth,
    { type: 'agenda.set', segments: [{ kind: 'opening', minutes: 5 }] },
    FACILITATOR,
    T0 + 2_000,
  );
  depth = run(depth, { type: 'agenda.next' }, FACILITATOR, T0 + 3_000);
  depth = run(depth, { type: 'pulse.open', question: 'How is the pace?' }, FACILITATOR, T0 + 4_000);
  depth = run(depth, { type: 'pulse.answer', value: 2 }, member('a'), T0 + 5_000);
  return { empty, round, depth };
})();

describe("the views' JSON, written once per change", () => {
  it.each(Object.entries(states))(
    'is JSON.stringify of each view, byte for byte (%s room)',
    (_name, state) => {
      const views = roleViews(state, T0 + 10_000);
      const json = roleViewsJson(views, ROLES);
      for (const role of ROLES) expect(json.get(role)).toBe(JSON.stringify(views[role]));
    },
  );

  it('writes only the roles asked for', () => {
    const views = roleViews(states.round, T0 + 10_000);
    expect([...roleViewsJson(views, ['member']).keys()]).toEqual(['member']);
    expect(roleViewsJson(views, ['member']).get('member')).toBe(JSON.stringify(views.member));
    expect(roleViewsJson(views, []).size).toBe(0);
  });
});

/** JSON values, and records of them (keys that look like array indices included: V8 orders those first). */
const key = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('0', '1', '12', '"', 'version', 'members'));
const record = fc.dictionary(key, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 6 });

describe('a view written from the JSON of the view it extends', () => {
  it('equals JSON.stringify of the view, whatever the keys and values', () => {
    fc.assert(
      fc.property(record, record, (base, more) => {
        const view = { ...base, ...more };
        expect(extendedJson(base, JSON.stringify(base), view)).toBe(JSON.stringify(view));
      }),
      { numRuns: 500 },
    );
  });

  it('writes the view whole when it does not begin with the very values of the base', () => {
    const shared = { x: 1 };
    const base = { a: 'A', list: shared };
    // A value equal but not the same object, keys in another order, a key missing: all written whole.
    for (const view of [
      { a: 'A', list: { x: 2 }, b: 1 },
      { list: shared, a: 'A', b: 1 },
      { a: 'A', b: 1 },
    ]) {
      expect(extendedJson(base, '{"not":"used"}', view)).toBe(JSON.stringify(view));
    }
  });

  it('leaves out keys whose values JSON cannot hold, as JSON.stringify does', () => {
    const base = {};
    const view = { a: undefined, b: () => 1, c: null, d: 2 };
    expect(extendedJson(base, '{}', view)).toBe('{"c":null,"d":2}');
    expect(extendedJson({ a: 1 }, '{"a":1}', { a: 1, b: undefined })).toBe('{"a":1}');
  });
});

describe("the member lists' JSON, written once per list", () => {
  /** A room whose lists no test has written yet: Cid's hand is up. */
  const unwritten = () => run(roomWith(['a', 'b', 'c']), { type: 'hand.raise' }, member('c'), T0 + 1_000);

  /** The views' JSON, and how many times JSON.stringify was given each of the two member lists. */
  function written(state: RoomState) {
    const views = roleViews(state, T0 + 10_000);
    const stringify = vi.spyOn(JSON, 'stringify');
    try {
      const json = roleViewsJson(views, ROLES);
      const lists = [views.display.members, views.facilitator.members] as unknown[];
      const listWrites = stringify.mock.calls.filter(([value]) => lists.includes(value)).length;
      return { views, json, listWrites };
    } finally {
      stringify.mockRestore();
    }
  }

  it('writes a list once, and the same bytes for every later change that shares it', () => {
    const state = unwritten();
    const first = written(state);
    const later = run(state, { type: 'piece.give', memberId: 'b' }, FACILITATOR, T0 + 5_000);
    const second = written(later);
    expect(second.views.display.members).toBe(first.views.display.members);
    expect(second.views.facilitator.members).toBe(first.views.facilitator.members);
    expect(first.listWrites).toBe(2);
    expect(second.listWrites).toBe(0);
    for (const role of ROLES) expect(second.json.get(role)).toBe(JSON.stringify(second.views[role]));
    expect(second.json.get('facilitator')).not.toBe(first.json.get('facilitator'));
  });

  it('writes the new list when a member changed, and the old one is still written as it was', () => {
    const state = unwritten();
    const before = written(state);
    const lowered = run(state, { type: 'hand.lower' }, member('c'), T0 + 5_000);
    const after = written(lowered);
    expect(after.listWrites).toBe(2);
    for (const role of ROLES) expect(after.json.get(role)).toBe(JSON.stringify(after.views[role]));
    expect(written(state).json).toEqual(before.json);
  });

  it('writes the view whole when members are not its last key, not a list, or not frozen', () => {
    const list = Object.freeze([{ id: 'a' }]);
    for (const view of [{ members: list, a: 1 }, { a: 1, members: null }, { a: 1 }]) {
      expect(withMembersJson(view)).toBe(JSON.stringify(view));
    }
    // A list that is not frozen may change: written anew each time, never kept.
    const open = [{ id: 'a' }];
    const view = { a: 1, members: open };
    expect(withMembersJson(view)).toBe('{"a":1,"members":[{"id":"a"}]}');
    open.push({ id: 'b' });
    expect(withMembersJson(view)).toBe('{"a":1,"members":[{"id":"a"},{"id":"b"}]}');
  });

  it('writes members alone without a comma, and gives the view its members back even when writing fails', () => {
    const list = Object.freeze([1, 2]);
    expect(withMembersJson({ members: list })).toBe('{"members":[1,2]}');
    expect(withMembersJson({ a: undefined, members: list })).toBe('{"members":[1,2]}');
    const unwritable = { big: 1n, members: list };
    expect(() => withMembersJson(unwritable)).toThrow(TypeError);
    expect(unwritable.members).toBe(list);
  });

  it('equals JSON.stringify of any view whose last key is a frozen list of members', () => {
    fc.assert(
      fc.property(record, fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }), (rest, members) => {
        // A record that has a `members` key keeps it where it was: written whole, then.
        const view = { ...rest, members: Object.freeze(members) };
        expect(withMembersJson(view)).toBe(JSON.stringify(view));
        expect(withMembersJson(view)).toBe(JSON.stringify(view));
      }),
      { numRuns: 500 },
    );
  });
});
