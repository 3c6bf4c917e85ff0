import type { AgendaView } from '../../shared/agenda';
import type { LobbyView } from '../../shared/lobby';
import type {
  DisplayView,
  FacilitatorMemberView,
  FacilitatorView,
  MemberView,
  RoomView,
  RoundView,
} from '../../shared/views';
import { servedHands } from './hand-queue';
import { facilitatorPulseView, memberPulseView } from './pulse';
import type { AgendaState, MemberState, RoomState, RoundState } from './state';
import { statsAt } from './stats';

/**
 * Projections of the state for each role at server instant `now`. Built field by field (never by
 * spreading the state) so that no secret — key hashes, token hashes, revoked tokens — can leak in.
 * Each view is one object literal, not a spread of the smaller view with fields added: V8 gives a
 * spread copy that gains new keys a hidden class of its own every time (3.7 µs per member view,
 * against 0.04 µs for the literal), and views are built on every change.
 * Members and the display see only the circle (active members); facilitators see everyone.
 *
 * A part of the state that a view shows as it is (settings, order, timer, agreements…) is shared,
 * not copied: states are never mutated (each change is a new state that shares what it did not
 * touch), and views are sent, never mutated. So two views of states that share a part share it
 * too, and the broadcaster's comparison of them stops at that part at once.
 *
 * The member list comes last in the display's and the facilitators' views, and last of the
 * display's fields in the member view (which begins with them all): the broadcaster writes a list's
 * JSON once and appends it to the JSON of the rest (server/transport/view-json.ts).
 */

/** The projector's view: the circle, the piece, the timers, the agenda and the agreements. */
export function displayView(state: RoomState, now: number): DisplayView {
  return {
    version: state.version,
    serverNow: now,
    code: state.code,
    title: state.title,
    status: state.status,
    settings: state.settings,
    order: state.order,
    speaker: state.speaker,
    timer: state.timer,
    round: state.round === null ? null : roundView(state.round),
    hands: servedHands(state, now),
    agenda: state.agenda === null ? null : agendaView(state.agenda),
    agreements: state.agreements,
    members: circleMembers(state.members),
  };
}

/** What members see: the display's view plus the disclaimer, the resources and the question asked. */
export function memberView(
  state: RoomState,
  now: number,
  display: DisplayView = displayView(state, now),
): RoomView {
  return {
    version: display.version,
    serverNow: display.serverNow,
    code: display.code,
    title: display.title,
    status: display.status,
    settings: display.settings,
    order: display.order,
    speaker: display.speaker,
    timer: display.timer,
    round: display.round,
    hands: display.hands,
    agenda: display.agenda,
    agreements: display.agreements,
    members: display.members,
    disclaimer: state.disclaimer,
    resources: state.resources,
    pulse: state.pulse === null ? null : memberPulseView(state.pulse),
  };
}

/**
 * The facilitators' view: everyone with their status, speaking statistics (live at `now`),
 * signals (newest last), and the pulse with its count of answers.
 */
export function facilitatorView(
  state: RoomState,
  now: number,
  member: RoomView = memberView(state, now),
): FacilitatorView {
  return {
    version: member.version,
    serverNow: member.serverNow,
    code: member.code,
    title: member.title,
    status: member.status,
    settings: member.settings,
    order: member.order,
    speaker: member.speaker,
    timer: member.timer,
    round: member.round,
    hands: member.hands,
    agenda: member.agenda,
    agreements: member.agreements,
    disclaimer: member.disclaimer,
    resources: member.resources,
    pulse: state.pulse === null ? null : facilitatorPulseView(state.pulse),
    stats: statsAt(state, now),
    signals: state.signals,
    members: everyone(state.members),
  };
}

/** Which broadcast a connection follows: one per role of the circle, or none (the lobby). */
export type ViewRole = 'facilitator' | 'member' | 'display';

/**
 * The parts of the state each role's view shows as they are (a primitive, or an object the view
 * shares). A change of one of them (`!==`: states share what a change did not touch) changes that
 * role's view, so the broadcaster need not build the previous view to know it. Kept true by a test
 * that checks each view field against the state.
 */
const DISPLAY_AS_IS: readonly (keyof RoomState)[] = [
  'code',
  'title',
  'status',
  'settings',
  'order',
  'speaker',
  'timer',
  'agreements',
];
const MEMBER_AS_IS: readonly (keyof RoomState)[] = [...DISPLAY_AS_IS, 'disclaimer', 'resources'];
export const SHOWN_AS_IS: Readonly<Record<ViewRole, readonly (keyof RoomState)[]>> = {
  display: DISPLAY_AS_IS,
  member: MEMBER_AS_IS,
  facilitator: [...MEMBER_AS_IS, 'signals'],
};

/** True when a part of the state that the role's view shows as it is differs between the two states. */
export function shownPartChanged(prev: RoomState, next: RoomState, role: ViewRole): boolean {
  for (const key of SHOWN_AS_IS[role]) if (prev[key] !== next[key]) return true;
  return false;
}

/**
 * The three role views of one state at `now`, each built on the one before and sharing its parts
 * (views are sent, never mutated): the broadcaster projects both states of every change, and this
 * builds the display's part once per state instead of three times.
 */
export function roleViews(
  state: RoomState,
  now: number,
): { facilitator: FacilitatorView; member: RoomView; display: DisplayView } {
  const display = displayView(state, now);
  const member = memberView(state, now, display);
  return { facilitator: facilitatorView(state, now, member), member, display };
}

/** What a member who is not yet in the circle sees: the room's name and texts, and where they stand. */
export function lobbyView(state: RoomState, member: MemberState, now: number): LobbyView {
  return {
    version: state.version,
    serverNow: now,
    code: state.code,
    title: state.title,
    status: member.status,
    agreements: state.agreements,
    disclaimer: state.disclaimer,
    resources: state.resources,
  };
}

/**
 * The views' member lists, made once per members array. States share that array until a member
 * changes (a timer, the piece, a round or a signal leave it alone), so every view since shares one
 * list instead of building ten objects per role on every change. The lists are frozen: the views
 * that share them cannot change them. Weakly keyed: a list goes when the last state holding its
 * array does.
 */
const circles = new WeakMap<readonly MemberState[], MemberView[]>();
const rosters = new WeakMap<readonly MemberState[], FacilitatorMemberView[]>();

/** The circle in join order, with only what everyone may see about each member. */
function circleMembers(members: readonly MemberState[]): MemberView[] {
  return sharedList(circles, members, circleMember);
}

/** Every member as facilitators see them: what everyone sees, and their status (lobby, active…). */
function everyone(members: readonly MemberState[]): FacilitatorMemberView[] {
  return sharedList(rosters, members, rosterMember);
}

function circleMember(member: MemberState): MemberView | null {
  if (member.status !== 'active') return null;
  return {
    id: member.id,
    name: member.name,
    role: member.role,
    online: member.online,
    handRaisedAt: member.handRaisedAt,
  };
}

/**
 * Written out, not a spread of `circleMember` with `status` added: that variant held ~0.2 KB more
 * live heap per socket in the benchmark (docs/performance.md, stop 16, run F).
 */
function rosterMember(member: MemberState): FacilitatorMemberView {
  return {
    id: member.id,
    name: member.name,
    role: member.role,
    online: member.online,
    handRaisedAt: member.handRaisedAt,
    status: member.status,
  };
}

/** The list `project` makes of `members` (null leaves a member out): made once per array, frozen. */
function sharedList<T extends object>(
  lists: WeakMap<readonly MemberState[], T[]>,
  members: readonly MemberState[],
  project: (member: MemberState) => T | null,
): T[] {
  let out = lists.get(members);
  if (out !== undefined) return out;
  out = [];
  for (let i = 0; i < members.length; i++) {
    const view = project(members[i]!);
    if (view !== null) out.push(Object.freeze(view));
  }
  lists.set(members, Object.freeze(out) as T[]);
  return out;
}

function agendaView(agenda: AgendaState): AgendaView {
  return {
    segments: agenda.segments,
    index: agenda.index,
    timer: agenda.timer,
    startedAt: agenda.startedAt,
  };
}

function roundView(round: RoundState): RoundView {
  return {
    id: round.id,
    kind: round.kind,
    prompt: round.prompt,
    turnSeconds: round.turnSeconds,
    revisitPassed: round.revisitPassed,
    order: round.order,
    index: round.index,
    outcomes: round.outcomes,
    startedAt: round.startedAt,
    endedAt: round.endedAt,
  };
}
