import type { Welcome } from '../../../shared/events';
import {
  type AnyView,
  DisplayViewSchema,
  FacilitatorViewSchema,
  isLobbyView,
  type LobbyView,
  LobbyViewSchema,
  RoomViewSchema,
} from '../../../shared/views';

export type ParsedState = { kind: 'view'; view: AnyView } | { kind: 'lobby'; lobby: LobbyView };

/**
 * Parses a `state` payload with the schema of the connection's role: the key holder gets
 * statistics and signals, the display no member-only texts. A member's socket may carry the
 * lobby, the member view or, as co-facilitator, the facilitator view; the `role` event that
 * announces a change may arrive on either side of the first new view, so the shape decides.
 * Null when the payload does not fit.
 */
export function parseState(input: unknown, role: Welcome['role']): ParsedState | null {
  if (role === 'facilitator') return asView(FacilitatorViewSchema.safeParse(input));
  if (role === 'display') return asView(DisplayViewSchema.safeParse(input));
  if (typeof input !== 'object' || input === null) return null;
  if (isLobbyView(input)) {
    const lobby = LobbyViewSchema.safeParse(input);
    return lobby.success ? { kind: 'lobby', lobby: lobby.data } : null;
  }
  return asView(('stats' in input ? FacilitatorViewSchema : RoomViewSchema).safeParse(input));
}

function asView(parsed: { success: true; data: AnyView } | { success: false }): ParsedState | null {
  return parsed.success ? { kind: 'view', view: parsed.data } : null;
}

/** A state is applied only if it is newer than the last applied one (versions grow strictly). */
export function isNewer(version: number, lastVersion: number | null): boolean {
  return lastVersion === null || version > lastVersion;
}
