import { expect } from 'vitest';
import type { Actor, SystemCommand } from '../../../server/core/actor';
import { apply } from '../../../server/core/apply';
import { createRoomState } from '../../../server/core/create-room';
import type { RoomState } from '../../../server/core/state';
import type { Command } from '../../../shared/commands';
import type { ErrorCode } from '../../../shared/errors';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/settings';

/** A fixed instant (ms) so that every test reads its times literally. */
export const T0 = 1_700_000_000_000;

export const FACILITATOR: Actor = { kind: 'facilitator' };
export const DISPLAY: Actor = { kind: 'display' };
export const SYSTEM: Actor = { kind: 'system' };
export const member = (memberId: string): Actor => ({ kind: 'member', memberId });

export function emptyRoom(settings: Partial<Settings> = {}): RoomState {
  return createRoomState({
    code: 'ABCDEF',
    title: 'Tuesday circle',
    settings: { ...DEFAULT_SETTINGS, ...settings },
    agenda: [],
    facilitatorKeyHash: 'hash-of-facilitator-key',
    displayKeyHash: 'hash-of-display-key',
    now: T0,
  });
}

/** Applies a command that must succeed and returns the new state. */
export function run(
  state: RoomState,
  command: Command | SystemCommand,
  actor: Actor,
  now: number,
): RoomState {
  const result = apply(state, command, actor, now);
  if (!result.ok) throw new Error(`${command.type} refused: ${result.error.code}`);
  return result.state;
}

/** Runs several commands by the facilitator (or the given actor), all at `now`. */
export function runAll(
  state: RoomState,
  commands: Command[],
  now: number,
  actor: Actor = FACILITATOR,
): RoomState {
  return commands.reduce((s, command) => run(s, command, actor, now), state);
}

/**
 * Members join (ids `a`, `b`, … are named `Ann`, `Bob`, … by `nameOf`) and come online, at T0.
 * Ids listed in `offline` join but stay offline.
 */
/** The system command by which a person joins (the token hash is derived from the id). */
export const join = (memberId: string, name: string): SystemCommand => ({
  type: 'member.join',
  memberId,
  name,
  tokenHash: `token-${memberId}`,
});

export function roomWith(ids: string[], options: { settings?: Partial<Settings>; offline?: string[] } = {}) {
  let state = emptyRoom(options.settings);
  for (const id of ids) {
    state = run(state, join(id, nameOf(id)), SYSTEM, T0);
    if (!options.offline?.includes(id)) {
      state = run(state, { type: 'presence.set', memberId: id, online: true }, SYSTEM, T0);
    }
  }
  return state;
}

const NAMES: Record<string, string> = {
  a: 'Ann',
  b: 'Bob',
  c: 'Cid',
  d: 'Dee',
  e: 'Eve',
  f: 'Fay',
  co: 'Cora',
};
export const nameOf = (id: string): string => NAMES[id] ?? `Person ${id}`;

/** The state with that member made a co-facilitator (as `member.role` does). */
export function withCofacilitator(state: RoomState, memberId: string): RoomState {
  return run(state, { type: 'member.role', memberId, role: 'cofacilitator' }, FACILITATOR, T0);
}

/** Asserts a refusal with `code` that provably changed nothing, neither the input nor anything else. */
export function expectRefused(
  state: RoomState,
  command: Command | SystemCommand,
  actor: Actor,
  now: number,
  code: ErrorCode,
): void {
  const before = structuredClone(state);
  const result = apply(state, command, actor, now);
  expect(result).toEqual({ ok: false, error: { code, message: expect.any(String) } });
  expect(state).toEqual(before);
}

/** Asserts a no-op: success with the very same state object, untouched. */
export function expectUnchanged(
  state: RoomState,
  command: Command | SystemCommand,
  actor: Actor,
  now: number,
): void {
  const before = structuredClone(state);
  const result = apply(state, command, actor, now);
  expect(result.ok).toBe(true);
  expect(result.ok && result.state).toBe(state);
  expect(state).toEqual(before);
}

/** Applies a command that must change the state: returns the new state, checks version and input. */
export function expectChanged(
  state: RoomState,
  command: Command | SystemCommand,
  actor: Actor,
  now: number,
): RoomState {
  const before = structuredClone(state);
  const result = apply(state, command, actor, now);
  if (!result.ok) throw new Error(`${command.type} refused: ${result.error.code}`);
  expect(result.state).not.toBe(state);
  expect(result.state.version).toBe(state.version + 1);
  expect(state).toEqual(before);
  return result.state;
}
