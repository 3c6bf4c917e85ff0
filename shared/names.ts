import { z } from 'zod';

export const NAME_MAX = 40;
// Unicode Cc (control characters), lone surrogates (Cs: unpaired halves that render as garbage) and the
// bidirectional overrides/isolates that can disguise a name.
const FORBIDDEN_IN_NAME = /[\p{Cc}\p{Cs}\u202A-\u202E\u2066-\u2069]/u;

/** A person's display name: 1..40 characters after trimming, no control characters or direction overrides. */
export const NameSchema = z
  .string()
  .transform((s) => s.trim())
  .pipe(
    z
      .string()
      .min(1, 'Please enter a name.')
      .max(NAME_MAX, `Please keep the name to ${NAME_MAX} characters.`)
      .refine((s) => !FORBIDDEN_IN_NAME.test(s), 'The name holds characters that cannot be shown.'),
  );

/** Names compare ignoring case (and Unicode normalisation), so "ana" and "Ana" are the same person. */
export function nameKey(name: string): string {
  return name.normalize('NFKC').toLocaleLowerCase('en');
}
