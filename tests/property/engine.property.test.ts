import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor, SystemCommand } from '../../server/core/actor';
import { apply } from '../../server/core/apply';
import { createRoomState } from '../../server/core/create-room';
import { endedRoom } from '../../server/core/room-end';
import type { RoomState } from '../../server/core/state';
import {
  COMMAND_TYPES,
  type Command,
  type CommandOf,
  CommandSchema,
  type CommandType,
  FACILITATOR_COMMANDS,
} from '../../shared/commands';
import { DEFAULT_SETTINGS, type Segment } from '../../shared/settings';

/**
 * Seeded random command sequences through the pure engine: every command type, sent by every kind of
 * actor (facilitator, members who exist or not, the display, the system) interleaved with joins and
 * presence changes, at a `now` that never goes back. After every step the invariants below hold.
 *
 * The seed is printed at the start and by fast-check on failure (with the shrunk path); a failing
 * seed goes into PINNED_SEEDS below so that it runs on every test run from then on.
 */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 400);
const SEED = Number(process.env.PROPERTY_SEED ?? Date.now() % 2 ** 31);
/** Seeds that once failed (or that cover a hard case), replayed on every run. */
const PINNED_SEEDS: { seed: number; why: string }[] = [
  { seed: 42, why: 'baseline: a fixed seed always runs, whatever the random one finds' },
];

const IDS = ['a', 'b', 'c', 'd', 'e', 'f'];
const NAMES = ['Ana', 'ana', 'Ben', 'Cleo', 'Dov', 'Eve', 'Fay'];
const T0 = 1_800_000_000_000;

const memberId = fc.constantFrom(...IDS, 'zz');
const from = fc.option(fc.option(memberId, { nil: null }), { nil: undefined });
const seconds = (min: number, max: number) => fc.integer({ min, max });
const segment = fc.record({
  kind: fc.constantFrom('opening', 'check-in', 'discussion', 'closing', 'break', 'custom' as const),
  minutes: seconds(1, 240),
});

/** One arbitrary per command type: a new command does not compile until it has one. */
const COMMANDS: { [T in CommandType]: fc.Arbitrary<CommandOf<T>> } = {
  'round.start': fc.record(
    {
      type: fc.constant('round.start'),
      kind: fc.constantFrom('check-in', 'go-around', 'closing' as const),
      prompt: fc.string({ maxLength: 20 }),
      turnSeconds: seconds(10, 3600),
      order: fc.uniqueArray(memberId, { maxLength: 6 }),
      revisitPassed: fc.boolean(),
    },
    { requiredKeys: ['type', 'kind'] },
  ),
  'round.next': fc.record({ type: fc.constant('round.next'), from }, { requiredKeys: ['type'] }),
  'round.end': fc.constant({ type: 'round.end' }),
  'piece.give': fc.record({ type: fc.constant('piece.give'), memberId }),
  'piece.release': fc.constant({ type: 'piece.release' }),
  'hand.call': fc.record({ type: fc.constant('hand.call'), from }, { requiredKeys: ['type'] }),
  'timer.start': fc.record(
    { type: fc.constant('timer.start'), seconds: seconds(1, 7200) },
    { requiredKeys: ['type'] },
  ),
  'timer.pause': fc.constant({ type: 'timer.pause' }),
  'timer.resume': fc.constant({ type: 'timer.resume' }),
  'timer.reset': fc.constant({ type: 'timer.reset' }),
  'timer.add': fc.record({ type: fc.constant('timer.add'), seconds: seconds(-3600, 3600) }),
  'order.set': fc.record({
    type: fc.constant('order.set'),
    memberIds: fc.uniqueArray(memberId, { maxLength: 7 }),
  }),
  'member.remove': fc.record({ type: fc.constant('member.remove'), memberId }),
  'room.update': fc.record(
    {
      type: fc.constant('room.update'),
      title: fc.constantFrom('Circle', 'Tuesday'),
      locked: fc.boolean(),
      admission: fc.constantFrom('open', 'approve' as const),
      turnSeconds: seconds(10, 3600),
      warnSeconds: seconds(0, 3600),
      queueOrder: fc.constantFrom('raised', 'least-spoken' as const),
      autoStartTimer: fc.boolean(),
      popcorn: fc.boolean(),
      agreements: fc.constantFrom([], ['Confidentiality'], ['Listen', 'Speak from the heart']),
    },
    { requiredKeys: ['type'] },
  ),
  'signal.dismiss': fc.record({
    type: fc.constant('signal.dismiss'),
    signalId: fc.constantFrom('s1', 's2', 's3', 's9'),
  }),
  'member.admit': fc.record({ type: fc.constant('member.admit'), memberId }),
  'member.decline': fc.record({ type: fc.constant('member.decline'), memberId }),
  'member.role': fc.record({
    type: fc.constant('member.role'),
    memberId,
    role: fc.constantFrom('cofacilitator', 'member' as const),
  }),
  'nudge.send': fc.record({
    type: fc.constant('nudge.send'),
    kind: fc.constantFrom('wrap-up', 'time', 'breathe' as const),
  }),
  'agenda.set': fc.record({ type: fc.constant('agenda.set'), segments: fc.array(segment, { maxLength: 4 }) }),
  'agenda.next': fc.record(
    {
      type: fc.constant('agenda.next'),
      from: fc.option(fc.option(seconds(0, 4), { nil: null }), { nil: undefined }),
    },
    { requiredKeys: ['type'] },
  ),
  'agenda.prev': fc.record(
    {
      type: fc.constant('agenda.prev'),
      from: fc.option(fc.option(seconds(0, 4), { nil: null }), { nil: undefined }),
    },
    { requiredKeys: ['type'] },
  ),
  'pulse.open': fc.record(
    { type: fc.constant('pulse.open'), question: fc.constantFrom('How are you?') },
    { requiredKeys: ['type'] },
  ),
  'pulse.close': fc.constant({ type: 'pulse.close' }),
  'room.end': fc.constant({ type: 'room.end' }),
  'turn.done': fc.constant({ type: 'turn.done' }),
  'turn.pass': fc.constant({ type: 'turn.pass' }),
  'hand.raise': fc.constant({ type: 'hand.raise' }),
  'hand.lower': fc.constant({ type: 'hand.lower' }),
  'signal.send': fc.record({
    type: fc.constant('signal.send'),
    kind: fc.constantFrom('need-a-moment', 'check-in-with-me', 'slow-down' as const),
  }),
  'consent.accept': fc.constant({ type: 'consent.accept' }),
  'turn.handTo': fc.record({ type: fc.constant('turn.handTo'), memberId }),
  'pulse.answer': fc.record({ type: fc.constant('pulse.answer'), value: seconds(1, 5) }),
};

const systemCommand: fc.Arbitrary<SystemCommand> = fc.oneof(
  fc.record({
    type: fc.constant('member.join' as const),
    memberId,
    name: fc.constantFrom(...NAMES),
    tokenHash: fc.constantFrom('h1', 'h2', 'h3'),
  }),
  fc.record({ type: fc.constant('presence.set' as const), memberId, online: fc.boolean() }),
);

const anyActor: fc.Arbitrary<Actor> = fc.oneof(
  fc.constantFrom<Actor>({ kind: 'facilitator' }, { kind: 'display' }, { kind: 'system' }),
  memberId.map((id): Actor => ({ kind: 'member', memberId: id })),
);
const someMember = fc
  .oneof({ arbitrary: fc.constantFrom('a', 'b', 'c', 'd'), weight: 4 }, { arbitrary: memberId, weight: 1 })
  .map((id): Actor => ({ kind: 'member', memberId: id }));
/** Mostly the sender the command is meant for (so that rules are exercised), sometimes anyone. */
const senderFor = (likely: fc.Arbitrary<Actor>) =>
  fc.oneof({ arbitrary: likely, weight: 4 }, { arbitrary: anyActor, weight: 1 });

type Step = { command: Command | SystemCommand; actor: Actor; dt: number };
const dt = fc.oneof(fc.constant(0), seconds(0, 120_000));
const wireStep = (type: CommandType): fc.Arbitrary<Step> =>
  fc.record({
    command: COMMANDS[type] as fc.Arbitrary<Command>,
    actor: senderFor(
      FACILITATOR_COMMANDS.has(type)
        ? fc.oneof({ arbitrary: fc.constant<Actor>({ kind: 'facilitator' }), weight: 5 }, someMember)
        : someMember,
    ),
    dt,
  });
// room.end ends the run (the room becomes a tombstone), so it is drawn rarely.
const step: fc.Arbitrary<Step> = fc.oneof(
  ...COMMAND_TYPES.filter((t) => t !== 'room.end').map((t) => ({ arbitrary: wireStep(t), weight: 10 })),
  {
    arbitrary: fc.record({
      command: systemCommand,
      actor: senderFor(fc.constant<Actor>({ kind: 'system' })),
      dt,
    }),
    weight: 60,
  },
  { arbitrary: wireStep('room.end'), weight: 1 },
);
type Start = { agreements: string[]; autoStartTimer: boolean; agenda: Segment[] };
const start: fc.Arbitrary<Start> = fc.record({
  agreements: fc.constantFrom<string[]>([], ['Confidentiality']),
  autoStartTimer: fc.boolean(),
  agenda: fc.array(segment, { maxLength: 3 }),
});

function initialState(s: Start) {
  return createRoomState({
    code: 'ABCDEF',
    title: 'Property circle',
    settings: { ...DEFAULT_SETTINGS, autoStartTimer: s.autoStartTimer },
    agenda: s.agenda,
    agreements: s.agreements,
    facilitatorKeyHash: 'fk-hash',
    displayKeyHash: 'dk-hash',
    now: T0,
  });
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

const unique = (xs: readonly unknown[]) => new Set(xs).size === xs.length;

/** Every invariant of an open room at instant `now`; throws with the one that broke. */
function checkInvariants(s: RoomState, now: number): void {
  const active = s.members.filter((m) => m.status === 'active');
  const activeIds = new Set(active.map((m) => m.id));
  const memberIds = new Set(s.members.map((m) => m.id));
  expect(unique(s.members.map((m) => m.id)), 'member ids unique').toBe(true);
  // Seating order: a permutation of the active members.
  expect([...s.order].sort(), 'order is a permutation of the active members').toEqual([...activeIds].sort());
  // At most one holder (a single `speaker`), and the holder is an active member of the room.
  if (s.speaker !== null) {
    expect(activeIds.has(s.speaker.memberId), 'the holder is an active member').toBe(true);
    expect(s.speaker.since, 'the holding began in the past').toBeLessThanOrEqual(now);
  }
  for (const timer of [s.timer, s.agenda?.timer ?? null]) {
    if (timer === null) continue;
    expect(timer.elapsedMs, 'elapsed never negative').toBeGreaterThanOrEqual(0);
    expect(timer.durationMs, 'duration never negative').toBeGreaterThanOrEqual(0);
    if (timer.startedAt !== null)
      expect(timer.startedAt, 'a timer started in the past').toBeLessThanOrEqual(now);
  }
  const round = s.round;
  if (round !== null) {
    expect(round.index, 'round index within bounds').toBeGreaterThanOrEqual(0);
    expect(round.index, 'round index within bounds').toBeLessThanOrEqual(round.order.length);
    if (round.endedAt === null)
      expect(round.index, 'an active round points at someone').toBeLessThan(round.order.length);
    for (const id of round.order) expect(memberIds.has(id), 'round order holds members only').toBe(true);
    // No duplicates, except the once-only revisit of those who passed, appended at the end.
    const firstPass = round.revisited
      ? round.order.slice(0, round.order.length - countRevisit(round.order))
      : round.order;
    expect(unique(firstPass), 'no one twice in a round pass').toBe(true);
    expect(
      round.order.every((id) => id in round.outcomes),
      'every place has an outcome',
    ).toBe(true);
    expect(
      Object.keys(round.outcomes).every((id) => round.order.includes(id)),
      'outcomes only for places',
    ).toBe(true);
  }
  expect(unique(s.hands), 'hands unique').toBe(true);
  for (const id of s.hands) expect(activeIds.has(id), 'raised hands belong to active members').toBe(true);
  for (const m of s.members)
    expect(m.handRaisedAt !== null, 'handRaisedAt set iff the hand is up').toBe(s.hands.includes(m.id));
  expect(s.signals.length, 'signals capped').toBeLessThanOrEqual(50);
  expect(unique(s.signals.map((x) => x.id)), 'signal ids unique').toBe(true);
  if (s.pulse !== null) {
    expect(unique(s.pulse.answered), 'one answer per member').toBe(true);
    expect(
      s.pulse.counts.every((c) => Number.isInteger(c) && c >= 0),
      'counts are counts',
    ).toBe(true);
  }
  if (s.agenda !== null && s.agenda.index !== null) {
    expect(s.agenda.index).toBeGreaterThanOrEqual(0);
    expect(s.agenda.index).toBeLessThan(s.agenda.segments.length);
  }
}

/** How many places the revisit appended: the longest tail of ids that already appear before it. */
function countRevisit(order: string[]): number {
  let n = 0;
  while (n < order.length && order.slice(0, order.length - n - 1).includes(order[order.length - n - 1]!)) n++;
  return n;
}

/** Statistics of members present before and after never go down. */
function checkStatsGrow(prev: RoomState, next: RoomState): void {
  for (const [id, before] of Object.entries(prev.stats)) {
    const after = next.stats[id];
    if (after === undefined) continue; // the member was removed: their stats went with them
    expect(after.spokenMs, 'spoken time never decreases').toBeGreaterThanOrEqual(before.spokenMs);
    expect(after.turns, 'turns never decrease').toBeGreaterThanOrEqual(before.turns);
    expect(after.passes, 'passes never decrease').toBeGreaterThanOrEqual(before.passes);
    if (before.lastSpokeAt !== null) expect(after.lastSpokeAt!).toBeGreaterThanOrEqual(before.lastSpokeAt);
  }
}

interface Counters {
  steps: number;
  changed: number;
  refused: number;
  unchanged: number;
  ended: number;
  refusals: Record<string, number>;
}
const newCounters = (): Counters => ({
  steps: 0,
  changed: 0,
  refused: 0,
  unchanged: 0,
  ended: 0,
  refusals: {},
});

/** A room where a, b, c and d have joined (and accepted the agreements) and are online. */
function populated(init: Start): RoomState {
  let state = initialState(init);
  for (const [i, id] of ['a', 'b', 'c', 'd'].entries()) {
    const system: Actor = { kind: 'system' };
    for (const command of [
      { type: 'member.join', memberId: id, name: NAMES[i + 1]!, tokenHash: `h${i}` },
      { type: 'presence.set', memberId: id, online: true },
    ] as SystemCommand[]) {
      const r = apply(state, command, system, T0);
      if (r.ok) state = r.state;
    }
    const accepted = apply(state, { type: 'consent.accept' }, { kind: 'member', memberId: id }, T0);
    if (accepted.ok) state = accepted.state;
  }
  return state;
}

function runSequence(init: Start, steps: Step[], counters: Counters): void {
  let state = deepFreeze(populated(init));
  let now = T0;
  const names = new Set<string>(state.members.map((m) => m.name));
  for (const { command, actor: who, dt } of steps) {
    now += dt;
    if (command.type === 'member.join') names.add(command.name);
    // Wire commands are exactly what the schema lets through (it trims, and caps lengths).
    const input =
      command.type === 'member.join' || command.type === 'presence.set'
        ? command
        : CommandSchema.parse(command);
    const before = structuredClone(state);
    const result = apply(state, input, who, now);
    counters.steps++;
    // The input is never mutated (it is frozen too: a write would have thrown).
    expect(state).toEqual(before);
    if (!result.ok) {
      counters.refused++;
      counters.refusals[result.error.code] = (counters.refusals[result.error.code] ?? 0) + 1;
      expect(result.error.code).toEqual(expect.any(String));
      continue;
    }
    if (result.state === state) {
      counters.unchanged++;
    } else {
      counters.changed++;
      expect(result.state.version, 'a change is one version step').toBe(state.version + 1);
      checkStatsGrow(state, result.state);
    }
    const ended = result.effects.find((e) => e.kind === 'ended');
    if (ended) {
      // The service keeps only the tombstone: no name, no key hash, no token hash, no statistic.
      counters.ended++;
      const tomb = endedRoom(result.state, now);
      const json = JSON.stringify(tomb);
      for (const name of names)
        expect(json.includes(`"${name}"`), `name ${name} in the tombstone`).toBe(false);
      expect(json).not.toMatch(/fk-hash|dk-hash|"h[123]"/);
      expect(tomb.members).toEqual([]);
      return;
    }
    checkInvariants(result.state, now);
    state = deepFreeze(result.state);
  }
}

const sequences = fc.tuple(start, fc.array(step, { minLength: 1, maxLength: 150, size: 'max' }));

describe('the engine under random command sequences', () => {
  it(
    `keeps every invariant (${RUNS} runs, seed ${SEED})`,
    () => {
      console.info(`engine property: seed ${SEED}, ${RUNS} runs (PROPERTY_SEED / PROPERTY_RUNS to replay)`);
      const counters = newCounters();
      fc.assert(
        fc.property(sequences, ([init, steps]) => runSequence(init, steps, counters)),
        { seed: SEED, numRuns: RUNS },
      );
      console.info(`engine property: ${JSON.stringify(counters)}`);
      // The sequences are not all refusals: the engine was really driven.
      expect(counters.changed).toBeGreaterThan(counters.steps / 10);
      expect(counters.refused).toBeGreaterThan(0);
    },
    30_000 + RUNS * 40,
  );

  it.each(PINNED_SEEDS)('keeps every invariant for pinned seed $seed ($why)', ({ seed }) => {
    const counters = newCounters();
    fc.assert(
      fc.property(sequences, ([init, steps]) => runSequence(init, steps, counters)),
      { seed, numRuns: 100 },
    );
  });

  it('generates only commands the schema accepts, for every command type', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...COMMAND_TYPES).chain((t) => COMMANDS[t] as fc.Arbitrary<Command>),
        (c) => {
          expect(CommandSchema.safeParse(c).success).toBe(true);
        },
      ),
      { seed: SEED, numRuns: 2000 },
    );
  });
});
