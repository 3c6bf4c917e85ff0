import { z } from 'zod';
import { PulseRecordSchema } from './pulse';

/** One member's share of the meeting, for the facilitators' summary only. */
export const SummaryMemberSchema = z.object({
  name: z.string(),
  spokenMs: z.number(),
  turns: z.number(),
  passes: z.number(),
});
export type SummaryMember = z.infer<typeof SummaryMemberSchema>;

/**
 * Sent once, by `room.end`, to facilitators and co-facilitators; the server forgets it at once.
 * `members` lists everyone who was ever active (in joining order), `rounds` the rounds started,
 * `pulses` every pulse closed (results only with enough answers).
 */
export const SummarySchema = z.object({
  title: z.string(),
  startedAt: z.number(),
  endedAt: z.number(),
  rounds: z.number(),
  members: z.array(SummaryMemberSchema),
  pulses: z.array(PulseRecordSchema),
});
export type Summary = z.infer<typeof SummarySchema>;
