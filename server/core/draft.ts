import type { MemberState, RoomState, RoundState, StatsState } from './state';
import { zeroStats } from './stats';

/**
 * Copy-on-write by hand, for `apply`. A handler works on a draft: a shallow copy of the state,
 * whose fields it may set at will. Whatever those fields hold is shared with the previous state
 * (frozen outside production), so before changing a nested part a handler makes it its own with
 * `own…`, which copies it once per command and hands back that same copy on every later call. The
 * new state then shares every part the command did not touch, as the views expect (a member list
 * that did not change is the same array).
 *
 * immer did this with a proxy per part touched; under the benchmark's load that cost ~13 µs per
 * command, the largest share of the server's own work (docs/performance.md, "Stop 20").
 */

/**
 * The nested parts the current command has copied: its own, written in place. One command at a
 * time; made on the first copy (most commands replace a part in one step and copy none).
 */
let owned: WeakSet<object> | null = null;

/**
 * A fresh draft of `state` for one command: nothing nested in it is its own yet. Written out field
 * by field: a spread of the state allocated 0.3–1.1 KB (V8 gives the copy its source's spare
 * property slots), this literal 248 B, and each state lives until the room's next command, long
 * enough for the young generation's collector to copy it. `Required` makes a field added to
 * `RoomState` a compile error here until it is copied (an ended room's `endedAt` never is: `apply`
 * refuses every command to an ended room before it makes a draft).
 */
export function draftOf(state: RoomState): RoomState {
  owned = null;
  const draft: Required<Omit<RoomState, 'endedAt'>> = {
    version: state.version,
    code: state.code,
    title: state.title,
    status: state.status,
    createdAt: state.createdAt,
    settings: state.settings,
    facilitatorKeyHash: state.facilitatorKeyHash,
    displayKeyHash: state.displayKeyHash,
    members: state.members,
    order: state.order,
    speaker: state.speaker,
    timer: state.timer,
    round: state.round,
    hands: state.hands,
    stats: state.stats,
    signals: state.signals,
    agenda: state.agenda,
    agreements: state.agreements,
    disclaimer: state.disclaimer,
    resources: state.resources,
    pulse: state.pulse,
    pulses: state.pulses,
    roundsStarted: state.roundsStarted,
    departed: state.departed,
    revokedTokenHashes: state.revokedTokenHashes,
    seq: state.seq,
  };
  return draft;
}

/** `value` if the command owns it already, else a shallow copy of it (same prototype), now owned. */
function ownCopy<T extends object>(value: T): T {
  owned ??= new WeakSet();
  if (owned.has(value)) return value;
  const copy = (
    Array.isArray(value)
      ? [...value]
      : Object.getPrototypeOf(value) === null
        ? Object.assign(Object.create(null), value)
        : { ...value }
  ) as T;
  owned.add(copy);
  return copy;
}

type Owned<K extends keyof RoomState> = NonNullable<RoomState[K]> & object;

/** The draft's own `draft[key]` (an object or array, never null: the caller checked), to change in place. */
export function own<K extends keyof RoomState>(draft: RoomState, key: K): Owned<K> {
  const value = draft[key] as Owned<K>;
  const copy = ownCopy(value);
  draft[key] = copy;
  return copy;
}

/** The draft's own record of member `memberId` (who must be in `draft.members`), to change in place. */
export function ownMember(draft: RoomState, memberId: string): MemberState {
  const members = own(draft, 'members');
  const i = members.findIndex((member) => member.id === memberId);
  const member = ownCopy(members[i]!);
  members[i] = member;
  return member;
}

/** The draft's own statistics of member `memberId`, created zeroed if missing (they never should be). */
export function ownStats(draft: RoomState, memberId: string): StatsState {
  const stats = own(draft, 'stats');
  const mine = ownCopy(stats[memberId] ?? zeroStats());
  stats[memberId] = mine;
  return mine;
}

/** The draft's own round (there must be one), with its own order and outcomes. */
export function ownRound(draft: RoomState): RoundState {
  const round = own(draft, 'round');
  round.order = ownCopy(round.order);
  round.outcomes = ownCopy(round.outcomes);
  return round;
}

/** Freezes `value` and everything it holds, down to the parts already frozen. */
export function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const part of Object.values(value)) deepFreeze(part);
}
