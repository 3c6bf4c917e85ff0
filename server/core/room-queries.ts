import type { MemberState, RoomState, RoundState } from './state';

/** Small read-only questions about a room that several rule files ask. */

export function findMember(state: RoomState, memberId: string): MemberState | undefined {
  return state.members.find((member) => member.id === memberId);
}

export function isMember(state: RoomState, memberId: string): boolean {
  return findMember(state, memberId) !== undefined;
}

/** In the circle: a member who accepted the agreements and was admitted. */
export function isActive(state: RoomState, memberId: string): boolean {
  return findMember(state, memberId)?.status === 'active';
}

export function isOnline(state: RoomState, memberId: string): boolean {
  return findMember(state, memberId)?.online === true;
}

/** The round in progress, or null when there is none or it has completed or ended. */
export function activeRound(state: RoomState): RoundState | null {
  const round = state.round;
  return round !== null && round.endedAt === null ? round : null;
}

export function holderId(state: RoomState): string | null {
  return state.speaker?.memberId ?? null;
}
