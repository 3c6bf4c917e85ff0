import type { CommandOf } from '../../../../../shared/commands';
import {
  AgreementsSchema,
  DisclaimerSchema,
  type Resource,
  ResourcesSchema,
} from '../../../../../shared/room-texts';

/** Agreements many peer-support groups start from; the facilitator picks and words their own. */
export const SUGGESTED_AGREEMENTS = [
  'What is said here stays here.',
  'One voice at a time: whoever holds the talking piece speaks.',
  'You may always pass. Nobody has to share.',
  'Speak from your own experience, using "I".',
  'Listen without fixing, judging or giving advice unless asked.',
  'Take care of yourself: step out for a moment whenever you need to.',
] as const;

export const LIMITS = {
  agreements: 12,
  agreement: 200,
  disclaimer: 600,
  resources: 10,
  label: 80,
  contact: 120,
};

export interface TextsDraft {
  agreements: string[];
  disclaimer: string;
  resources: Resource[];
}

export type TextsUpdate =
  | { ok: true; update: CommandOf<'room.update'> | null }
  | { ok: false; message: string };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The `room.update` that saves the draft: blank agreement rows and blank contact rows are dropped,
 * the rest is checked with the shared schemas; only the texts that changed are sent (null: nothing).
 */
export function textsUpdate(current: TextsDraft, draft: TextsDraft): TextsUpdate {
  const agreementRows = draft.agreements.map((a) => a.trim()).filter((a) => a.length > 0);
  const agreements = AgreementsSchema.safeParse(agreementRows);
  if (!agreements.success) return { ok: false, message: firstMessage(agreements.error, 'agreements') };
  const disclaimer = DisclaimerSchema.safeParse(draft.disclaimer);
  if (!disclaimer.success) return { ok: false, message: firstMessage(disclaimer.error, 'note') };
  const resourceRows = draft.resources
    .map((r) => ({ label: r.label.trim(), contact: r.contact.trim() }))
    .filter((r) => r.label.length > 0 || r.contact.length > 0);
  const resources = ResourcesSchema.safeParse(resourceRows);
  if (!resources.success) return { ok: false, message: firstMessage(resources.error, 'contacts') };

  const update: CommandOf<'room.update'> = { type: 'room.update' };
  if (!same(agreements.data, current.agreements)) update.agreements = agreements.data;
  if (disclaimer.data !== current.disclaimer) update.disclaimer = disclaimer.data;
  if (!same(resources.data, current.resources)) update.resources = resources.data;
  return { ok: true, update: Object.keys(update).length > 1 ? update : null };
}

function firstMessage(error: { issues: { message: string; path: PropertyKey[] }[] }, what: string): string {
  const issue = error.issues[0];
  if (!issue) return `Please check the ${what}.`;
  const row = issue.path.find((p): p is number => typeof p === 'number');
  return row === undefined ? issue.message : `${capitalise(what)}, row ${row + 1}: ${issue.message}`;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
