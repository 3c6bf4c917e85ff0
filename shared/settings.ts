import { z } from 'zod';

export const QueueOrderSchema = z.enum(['raised', 'least-spoken']);
export const AdmissionSchema = z.enum(['open', 'approve']);
export const TurnSecondsSchema = z.number().int().min(10).max(3600);
export const WarnSecondsSchema = z.number().int().min(0).max(3600);
export const TitleSchema = z
  .string()
  .transform((s) => s.trim())
  .pipe(z.string().min(1, 'Please enter a title.').max(80, 'Please keep the title to 80 characters.'));

export const SettingsSchema = z.object({
  locked: z.boolean(),
  admission: AdmissionSchema,
  turnSeconds: TurnSecondsSchema,
  warnSeconds: WarnSecondsSchema,
  queueOrder: QueueOrderSchema,
  autoStartTimer: z.boolean(),
  /** Popcorn style: the holder may hand the piece to a member of their choice (`turn.handTo`). */
  popcorn: z.boolean(),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  locked: false,
  admission: 'open',
  turnSeconds: 120,
  warnSeconds: 30,
  queueOrder: 'raised',
  autoStartTimer: true,
  popcorn: false,
};

// The agenda lives in agenda.ts; these names stay importable from here.
export { AgendaSchema, type Segment, SegmentKindSchema, SegmentSchema } from './agenda';
