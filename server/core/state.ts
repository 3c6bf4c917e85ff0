import type { RoundKind } from '../../shared/commands';
import type { Segment, Settings } from '../../shared/settings';
import type { Timer } from '../../shared/timer';
import type { Outcome, Signal } from '../../shared/views';

/**
 * The authoritative state of one room. Plain JSON (no Map, no Date, no class) so that every store
 * can keep it as it is; secrets appear only as SHA-256 hashes. Instants are server epoch ms.
 */
export interface MemberState {
  id: string;
  name: string;
  role: 'cofacilitator' | 'member';
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

export interface RoomState {
  version: number;
  code: string;
  title: string;
  status: 'open' | 'ended';
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
  agenda: Segment[];
  /** Hashes of the tokens of removed members, so that they get `removed` rather than `bad_credentials`. */
  revokedTokenHashes: string[];
  /** Counter for ids drawn inside the pure core (rounds, signals). */
  seq: number;
}
