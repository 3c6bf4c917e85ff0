import { z } from 'zod';
import { AgendaSchema } from './agenda';
import { PulseQuestionSchema, PulseValueSchema } from './pulse';
import { AgreementsSchema, DisclaimerSchema, ResourcesSchema } from './room-texts';
import {
  AdmissionSchema,
  QueueOrderSchema,
  TitleSchema,
  TurnSecondsSchema,
  WarnSecondsSchema,
} from './settings';

export const MemberIdSchema = z.string().min(1).max(64);
/** The holder the sender saw: `null` for nobody. Guards commands that move the piece on. */
const FromSchema = MemberIdSchema.nullable().optional();

export const RoundKindSchema = z.enum(['check-in', 'go-around', 'closing']);
export const SignalKindSchema = z.enum(['need-a-moment', 'check-in-with-me', 'slow-down']);
/** A private nudge to the holder's phone: "please begin to wrap up", "time", "take a breath". */
export const NudgeKindSchema = z.enum(['wrap-up', 'time', 'breathe']);
export const MemberRoleSchema = z.enum(['cofacilitator', 'member']);
/** The agenda index the sender saw (`null`: no segment current). Guards `agenda.next`/`agenda.prev`. */
const AgendaFromSchema = z.number().int().min(0).max(1000).nullable().optional();

const noFields = <T extends string>(type: T) => z.object({ type: z.literal(type) });

export const RoomUpdateSchema = z.object({
  type: z.literal('room.update'),
  title: TitleSchema.optional(),
  locked: z.boolean().optional(),
  admission: AdmissionSchema.optional(),
  turnSeconds: TurnSecondsSchema.optional(),
  warnSeconds: WarnSecondsSchema.optional(),
  queueOrder: QueueOrderSchema.optional(),
  autoStartTimer: z.boolean().optional(),
  popcorn: z.boolean().optional(),
  agreements: AgreementsSchema.optional(),
  disclaimer: DisclaimerSchema.optional(),
  resources: ResourcesSchema.optional(),
});

export const CommandSchema = z.discriminatedUnion('type', [
  // Facilitator (and co-facilitator) only
  z.object({
    type: z.literal('round.start'),
    kind: RoundKindSchema,
    prompt: z.string().trim().max(280).optional(),
    turnSeconds: TurnSecondsSchema.optional(),
    order: z
      .array(MemberIdSchema)
      .max(500)
      .refine((ids) => new Set(ids).size === ids.length, 'The order names someone twice.')
      .optional(),
    revisitPassed: z.boolean().optional(),
  }),
  z.object({ type: z.literal('round.next'), from: FromSchema }),
  noFields('round.end'),
  z.object({ type: z.literal('piece.give'), memberId: MemberIdSchema }),
  noFields('piece.release'),
  z.object({ type: z.literal('hand.call'), from: FromSchema }),
  z.object({ type: z.literal('timer.start'), seconds: z.number().int().min(1).max(7200).optional() }),
  noFields('timer.pause'),
  noFields('timer.resume'),
  noFields('timer.reset'),
  z.object({ type: z.literal('timer.add'), seconds: z.number().int().min(-3600).max(3600) }),
  z.object({
    type: z.literal('order.set'),
    memberIds: z
      .array(MemberIdSchema)
      .max(500)
      .refine((ids) => new Set(ids).size === ids.length, 'The order names someone twice.'),
  }),
  z.object({ type: z.literal('member.remove'), memberId: MemberIdSchema }),
  RoomUpdateSchema,
  z.object({ type: z.literal('signal.dismiss'), signalId: z.string().min(1).max(64) }),
  // v1.1: admission, roles, nudges, agenda, pulse, ending
  z.object({ type: z.literal('member.admit'), memberId: MemberIdSchema }),
  z.object({ type: z.literal('member.decline'), memberId: MemberIdSchema }),
  z.object({ type: z.literal('member.role'), memberId: MemberIdSchema, role: MemberRoleSchema }),
  z.object({ type: z.literal('nudge.send'), kind: NudgeKindSchema }),
  z.object({ type: z.literal('agenda.set'), segments: AgendaSchema }),
  z.object({ type: z.literal('agenda.next'), from: AgendaFromSchema }),
  z.object({ type: z.literal('agenda.prev'), from: AgendaFromSchema }),
  z.object({ type: z.literal('pulse.open'), question: PulseQuestionSchema.optional() }),
  noFields('pulse.close'),
  noFields('room.end'),
  // Any member
  noFields('turn.done'),
  noFields('turn.pass'),
  noFields('hand.raise'),
  noFields('hand.lower'),
  z.object({ type: z.literal('signal.send'), kind: SignalKindSchema }),
  // v1.1: members (the only command a member who is not active may send is consent.accept)
  noFields('consent.accept'),
  z.object({ type: z.literal('turn.handTo'), memberId: MemberIdSchema }),
  z.object({ type: z.literal('pulse.answer'), value: PulseValueSchema }),
]);

export type Command = z.infer<typeof CommandSchema>;
export type CommandType = Command['type'];
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;
export type RoundKind = z.infer<typeof RoundKindSchema>;
export type SignalKind = z.infer<typeof SignalKindSchema>;
export type NudgeKind = z.infer<typeof NudgeKindSchema>;
export type MemberRole = z.infer<typeof MemberRoleSchema>;

/** Every command type, derived from the schema so that a list can never fall behind it. */
export const COMMAND_TYPES = CommandSchema.options.map((o) => o.shape.type.value) as CommandType[];

/** Commands that only facilitators and co-facilitators may send; the rest are for members. */
export const FACILITATOR_COMMANDS = new Set<CommandType>([
  'round.start',
  'round.next',
  'round.end',
  'piece.give',
  'piece.release',
  'hand.call',
  'timer.start',
  'timer.pause',
  'timer.resume',
  'timer.reset',
  'timer.add',
  'order.set',
  'member.remove',
  'room.update',
  'signal.dismiss',
  'member.admit',
  'member.decline',
  'member.role',
  'nudge.send',
  'agenda.set',
  'agenda.next',
  'agenda.prev',
  'pulse.open',
  'pulse.close',
  'room.end',
]);

/** The only command a member who is not yet active (consent, waiting) may send; the rest answer `not_admitted`. */
export const LOBBY_COMMANDS: ReadonlySet<CommandType> = new Set<CommandType>(['consent.accept']);
