import type { Command } from '../../../../shared/commands';
import type { FacilitatorView } from '../../../../shared/views';

/** What every dashboard panel needs: the latest view, the server instant to render at, and a way to act. */
export interface DashProps {
  view: FacilitatorView;
  /** Server epoch ms at this render (the clock-offset corrected "now"). */
  now: number;
  /** False while the socket is down: controls are disabled rather than buffering commands. */
  connected: boolean;
  /** Sends a command; a refusal shows as a toast. Resolves true when the room accepted it. */
  run(command: Command): Promise<boolean>;
  nameOf(memberId: string): string;
  /** A co-facilitator's own member id (they are in the circle too); null for the key holder. */
  selfId: string | null;
}
