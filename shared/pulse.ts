import { z } from 'zod';

/** The question a pulse asks when the facilitator gives none. */
export const DEFAULT_PULSE_QUESTION = 'How supported do you feel today?';
/** Results are shown only when at least this many members answered, so that no answer stands out. */
export const PULSE_MIN_ANSWERS = 3;

export const PulseQuestionSchema = z.string().trim().max(140, 'Please keep the question to 140 characters.');
/** An answer on the 1 (low) to 5 (high) scale. */
export const PulseValueSchema = z.number().int().min(1).max(5);

/** How many answered 1, 2, 3, 4 and 5: the only trace of the answers anywhere. */
export const PulseResultsSchema = z.tuple([z.number(), z.number(), z.number(), z.number(), z.number()]);
export type PulseResults = z.infer<typeof PulseResultsSchema>;

/** The facilitators' pulse: how many answered, and the histogram once closed with enough answers. */
export const FacilitatorPulseViewSchema = z.object({
  id: z.string(),
  question: z.string(),
  open: z.boolean(),
  answered: z.number(),
  results: PulseResultsSchema.nullable(),
});
export type FacilitatorPulseView = z.infer<typeof FacilitatorPulseViewSchema>;

/** The members' pulse: the question only (a phone knows its own answer from the ack). */
export const MemberPulseViewSchema = z.object({
  id: z.string(),
  question: z.string(),
  open: z.boolean(),
});
export type MemberPulseView = z.infer<typeof MemberPulseViewSchema>;

/** A closed pulse as the summary reports it. */
export const PulseRecordSchema = z.object({
  question: z.string(),
  answered: z.number(),
  results: PulseResultsSchema.nullable(),
});
export type PulseRecord = z.infer<typeof PulseRecordSchema>;
