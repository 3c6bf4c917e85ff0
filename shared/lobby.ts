import { z } from 'zod';
import { AgreementsSchema, ResourcesSchema } from './room-texts';

/**
 * Where a member stands: `consent` (the agreements are not yet accepted), `waiting` (under
 * `admission: 'approve'`, not yet admitted) or `active` (in the circle).
 */
export const MemberStatusSchema = z.enum(['consent', 'waiting', 'active']);
export type MemberStatus = z.infer<typeof MemberStatusSchema>;

/**
 * What a member who is not active receives as `state`: the room's name and texts and their own
 * status; nobody else's name, nothing of the circle.
 */
export const LobbyViewSchema = z.object({
  version: z.number(),
  serverNow: z.number(),
  code: z.string(),
  title: z.string(),
  status: MemberStatusSchema,
  agreements: AgreementsSchema,
  disclaimer: z.string(),
  resources: ResourcesSchema,
});
export type LobbyView = z.infer<typeof LobbyViewSchema>;

/** A lobby view has no members list: that tells it from the room views. */
export function isLobbyView(view: object): view is LobbyView {
  return !('members' in view);
}
