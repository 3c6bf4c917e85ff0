import type { MemberRole } from '../../shared/commands';
import type { Nudge } from '../../shared/events';
import type { MemberStatus } from '../../shared/lobby';
import type { Summary } from '../../shared/summary';

/**
 * What must happen beyond the new state, described as data: the core stays pure and the service
 * carries these out after the atomic update (never when a command is refused, and never twice
 * when the store retries the update function). A no-op may still have effects (a nudge).
 */
export type Effect =
  /** Tell the holder's phone only; stored nowhere. */
  | { kind: 'nudge'; memberId: string; nudge: Nudge }
  /** The member's status changed: tell them; on `active` they join the circle's broadcasts. */
  | { kind: 'status'; memberId: string; status: MemberStatus }
  /** The member became co-facilitator (facilitator view) or member again (member view). */
  | { kind: 'role'; memberId: string; role: MemberRole }
  /** Tell every socket of the member why, then disconnect them. */
  | { kind: 'eject'; memberId: string; reason: 'removed' | 'declined' }
  /** The room ended: the summary to facilitators, then `removed { reason: 'ended' }` to everyone. */
  | { kind: 'ended'; summary: Summary };
