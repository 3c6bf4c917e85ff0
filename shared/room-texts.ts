import { z } from 'zod';

/** Trims, then checks the length: a text of spaces only is empty. */
const trimmed = (min: number, max: number, what: string) =>
  z
    .string()
    .transform((s) => s.trim())
    .pipe(z.string().min(min, `Please enter ${what}.`).max(max, `Please keep ${what} to ${max} characters.`));

/** One group agreement ("What is said here stays here."): 1..200 characters. */
export const AgreementSchema = trimmed(1, 200, 'each agreement');
/** The room's group agreements, in the order they are read out: at most 12. */
export const AgreementsSchema = z.array(AgreementSchema).max(12, 'Please keep to 12 agreements.');

/** An optional note shown to members before they enter ("This group is not therapy…"): up to 600 characters. */
export const DisclaimerSchema = z
  .string()
  .transform((s) => s.trim())
  .pipe(z.string().max(600, 'Please keep the note to 600 characters.'));

/** A support contact shown in the Help panel of every phone (for example a crisis line). */
export const ResourceSchema = z.object({
  label: trimmed(1, 80, 'the name of the contact'),
  contact: trimmed(1, 120, 'how to reach them'),
});
export type Resource = z.infer<typeof ResourceSchema>;
export const ResourcesSchema = z.array(ResourceSchema).max(10, 'Please keep to 10 contacts.');

/** The room's texts as every view carries them (the display omits disclaimer and resources). */
export interface RoomTexts {
  agreements: string[];
  disclaimer: string;
  resources: Resource[];
}
