import { z } from 'zod';
import { RoundKindSchema, SignalKindSchema } from './commands';
import { SettingsSchema } from './settings';
import { TimerSchema } from './timer';

export const RoleSchema = z.enum(['facilitator', 'member', 'display']);
export type Role = z.infer<typeof RoleSchema>;

export const MemberViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(['cofacilitator', 'member']),
  online: z.boolean(),
  handRaisedAt: z.number().nullable(),
});
export type MemberView = z.infer<typeof MemberViewSchema>;

export const OutcomeSchema = z.enum(['pending', 'spoke', 'passed', 'absent']);
export type Outcome = z.infer<typeof OutcomeSchema>;

export const RoundViewSchema = z.object({
  id: z.string(),
  kind: RoundKindSchema,
  prompt: z.string(),
  turnSeconds: z.number(),
  revisitPassed: z.boolean(),
  order: z.array(z.string()),
  index: z.number(),
  outcomes: z.record(z.string(), OutcomeSchema),
  startedAt: z.number(),
  endedAt: z.number().nullable(),
});
export type RoundView = z.infer<typeof RoundViewSchema>;

export const SpeakerSchema = z.object({ memberId: z.string(), since: z.number() });

/** What members and the display see. */
export const RoomViewSchema = z.object({
  version: z.number(),
  serverNow: z.number(),
  code: z.string(),
  title: z.string(),
  status: z.enum(['open', 'ended']),
  settings: SettingsSchema,
  members: z.array(MemberViewSchema),
  order: z.array(z.string()),
  speaker: SpeakerSchema.nullable(),
  timer: TimerSchema.nullable(),
  round: RoundViewSchema.nullable(),
  hands: z.array(z.string()),
});
export type RoomView = z.infer<typeof RoomViewSchema>;

export const MemberStatsSchema = z.object({
  /** Speaking time as of `serverNow` (ms); the current holder's keeps growing by now − serverNow. */
  spokenMs: z.number(),
  turns: z.number(),
  passes: z.number(),
  lastSpokeAt: z.number().nullable(),
});
export type MemberStats = z.infer<typeof MemberStatsSchema>;

export const SignalSchema = z.object({
  id: z.string(),
  memberId: z.string(),
  kind: SignalKindSchema,
  at: z.number(),
});
export type Signal = z.infer<typeof SignalSchema>;

/** What facilitators and co-facilitators see: the room view plus statistics and signals. */
export const FacilitatorViewSchema = RoomViewSchema.extend({
  stats: z.record(z.string(), MemberStatsSchema),
  signals: z.array(SignalSchema),
});
export type FacilitatorView = z.infer<typeof FacilitatorViewSchema>;

export type AnyView = RoomView | FacilitatorView;

export function isFacilitatorView(view: AnyView): view is FacilitatorView {
  return 'stats' in view;
}
