import { z } from 'zod';
import { AgendaViewSchema } from './agenda';
import { RoundKindSchema, SignalKindSchema } from './commands';
import { type LobbyView, MemberStatusSchema } from './lobby';
import { FacilitatorPulseViewSchema, MemberPulseViewSchema } from './pulse';
import { AgreementsSchema, ResourcesSchema } from './room-texts';
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

/** Facilitators see everyone, with where they stand (members and the display see only the active). */
export const FacilitatorMemberViewSchema = MemberViewSchema.extend({ status: MemberStatusSchema });
export type FacilitatorMemberView = z.infer<typeof FacilitatorMemberViewSchema>;

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

/**
 * What the display (projector) sees: the circle of active members, the piece, timers, the agenda
 * and the agreements. Never statistics, signals, nudges, feedback, the disclaimer or the resources.
 */
export const DisplayViewSchema = z.object({
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
  agenda: AgendaViewSchema.nullable(),
  agreements: AgreementsSchema,
});
export type DisplayView = z.infer<typeof DisplayViewSchema>;

/** What active members see: the display view plus the disclaimer, the resources and the open question. */
export const RoomViewSchema = DisplayViewSchema.extend({
  disclaimer: z.string(),
  resources: ResourcesSchema,
  pulse: MemberPulseViewSchema.nullable(),
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

/**
 * What facilitators and co-facilitators see: the room view with every member (and their `status`),
 * statistics, signals, and the pulse with its count of answers (results once closed, with ≥ 3).
 */
export const FacilitatorViewSchema = RoomViewSchema.extend({
  members: z.array(FacilitatorMemberViewSchema),
  stats: z.record(z.string(), MemberStatsSchema),
  signals: z.array(SignalSchema),
  pulse: FacilitatorPulseViewSchema.nullable(),
});
export type FacilitatorView = z.infer<typeof FacilitatorViewSchema>;

/** The views of the circle itself, one per role. */
export type AnyView = RoomView | FacilitatorView | DisplayView;
/** Everything `state` may carry: a member who is not yet active receives the lobby view. */
export type StateView = AnyView | LobbyView;

export function isFacilitatorView(view: AnyView | StateView): view is FacilitatorView {
  return 'stats' in view;
}

export { isLobbyView, type LobbyView, LobbyViewSchema } from './lobby';
