import type { AgendaSegmentView } from '../../shared/agenda';
import type { RoundKind } from '../../shared/commands';
import type { MemberStatus } from '../../shared/lobby';
import type { PulseRecord, PulseResults } from '../../shared/pulse';
import type { Resource } from '../../shared/room-texts';
import type { Settings } from '../../shared/settings';
import type { Timer } from '../../shared/timer';
import type { Outcome, Signal } from '../../shared/views';

/**
 * The authoritative state of one room. Plain JSON (no Map, no Date, no class) so that every store
 * can keep it as it is; secrets appear only as SHA-256 hashes. Instants are server epoch ms.
 *
 * Every array of a state may be frozen (`apply` freezes the states it makes, but in production). Code
 * that runs on every change walks them with an index, not `for…of`: Node 20's V8 iterates a frozen
 * array through its generic slow path, an iterator result object per element (49 bytes, and a loop
 * of ten members several hundred times slower than over a plain array).
 */
export interface MemberState {
  id: string;
  name: string;
  role: 'cofacilitator' | 'member';
  /** `consent` and `waiting` members are outside the circle: not in order, rounds, hands or public views. */
  status: MemberStatus;
  online: boolean;
  handRaisedAt: number | null;
  tokenHash: string;
  joinedAt: number;
}

export interface StatsState {
  /** Speaking time settled when the member last let go of the piece (ms). */
  spokenMs: number;
  /** Holdings of the piece that did not end in a pass. */
  turns: number;
  passes: number;
  /** When the member last received the piece. */
  lastSpokeAt: number | null;
}

export interface RoundState {
  id: string;
  kind: RoundKind;
  prompt: string;
  turnSeconds: number;
  revisitPassed: boolean;
  /** True once the members who passed have been appended for their second chance. */
  revisited: boolean;
  order: string[];
  index: number;
  outcomes: Record<string, Outcome>;
  startedAt: number;
  endedAt: number | null;
}

/** The agenda: segments with planned lengths, the current one and its segment timer. */
export interface AgendaState {
  segments: AgendaSegmentView[];
  /** The current segment; null before the first and after the last. */
  index: number | null;
  /** The segment timer (separate from the speaker timer), started when the segment began. */
  timer: Timer | null;
  /** When the first segment began; null until then. */
  startedAt: number | null;
}

/**
 * An anonymous 1–5 question. Who answered what is never recorded: `counts` holds how many gave each
 * value and, apart, `answered` the members who answered, kept sorted so that its order does not
 * tell who answered when.
 */
export interface PulseState {
  id: string;
  question: string;
  open: boolean;
  counts: PulseResults;
  answered: string[];
}

/** A member who was active and has since been removed, kept only for the summary until the end. */
export interface DepartedMember {
  name: string;
  joinedAt: number;
  spokenMs: number;
  turns: number;
  passes: number;
}

export interface RoomState {
  version: number;
  code: string;
  title: string;
  /**
   * `ended` after `room.end`: the state is then a tombstone (see `endedRoom`), kept an hour so that
   * late comers hear that the circle ended: its code and nothing that names or counts anyone.
   */
  status: 'open' | 'ended';
  /** When `room.end` was sent; absent while the room is open. */
  endedAt?: number;
  createdAt: number;
  settings: Settings;
  facilitatorKeyHash: string;
  displayKeyHash: string;
  /** In order of joining. */
  members: MemberState[];
  /** Seating order: a permutation of the members' ids. */
  order: string[];
  speaker: { memberId: string; since: number } | null;
  timer: Timer | null;
  round: RoundState | null;
  /** Hand queue in raising order; the served order is computed from settings.queueOrder. */
  hands: string[];
  stats: Record<string, StatsState>;
  signals: Signal[];
  agenda: AgendaState | null;
  /** Group agreements members accept before entering; every view shows them. */
  agreements: string[];
  disclaimer: string;
  /** Support contacts shown in the Help panel of every phone. */
  resources: Resource[];
  /** The current (open, or last closed) pulse. */
  pulse: PulseState | null;
  /** Every closed pulse, for the summary. */
  pulses: PulseRecord[];
  /** Rounds started since the room was created, for the summary. */
  roundsStarted: number;
  departed: DepartedMember[];
  /** Hashes of the tokens of removed members, so that they get `removed` rather than `bad_credentials`. */
  revokedTokenHashes: string[];
  /** Counter for ids drawn inside the pure core (rounds, signals). */
  seq: number;
}
