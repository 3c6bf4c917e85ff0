import { z } from 'zod';
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
  // Any member
  noFields('turn.done'),
  noFields('turn.pass'),
  noFields('hand.raise'),
  noFields('hand.lower'),
  z.object({ type: z.literal('signal.send'), kind: SignalKindSchema }),
]);

export type Command = z.infer<typeof CommandSchema>;
export type CommandType = Command['type'];
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;
export type RoundKind = z.infer<typeof RoundKindSchema>;
export type SignalKind = z.infer<typeof SignalKindSchema>;

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
]);
