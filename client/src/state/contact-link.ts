/**
 * Support contacts are free text written by the facilitator ("988", "Text HOME to 741741",
 * "help@example.org", "samaritans.org"). When one looks like a number, an address or a web page,
 * the Help panel makes it one tap away. Only these four schemes are ever produced, so a contact can
 * never become a `javascript:` or other link.
 */
export type ContactKind = 'tel' | 'sms' | 'mailto' | 'web';

export interface ContactLink {
  kind: ContactKind;
  href: string;
  /** What the link does: "Call", "Text", "Email", "Open". */
  verb: string;
  /** The link's words: "Call 988", or the contact as written when it says so itself ("Text HOME to 741741"). */
  label: string;
}

const VERBS: Record<ContactKind, string> = { tel: 'Call', sms: 'Text', mailto: 'Email', web: 'Open' };

/** A contact that already starts with what to do with it needs no verb in front. */
const SAYS_ITS_VERB = /^(?:call|phone|tel|telephone|ring|text|sms|e-?mail|mailto)\b/i;

/** A phone number as people write it: digits with spaces, dots, dashes, brackets, maybe a leading +. */
const NUMBER = String.raw`\+?[\d\s().-]+`;
const PHONE = new RegExp(`^(?:(?:call|phone|tel|telephone|ring)\\.?:?\\s*)?(${NUMBER})$`, 'i');
/** "Text HOME to 741741", "SMS 85258", "sms:85258". */
const SMS = new RegExp(`^(?:text|sms)\\s*:?\\s*(?:"?([\\p{L}\\p{N}]+)"?\\s+to\\s+)?(${NUMBER})$`, 'iu');
const EMAIL = /^(?:e-?mail:?\s*|mailto:)?([^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[a-z]{2,})$/i;
const WEB = /^(?:https?:\/\/)?(?:[a-z0-9-]+\.)+[a-z]{2,}(?::\d+)?(?:[/?#]\S*)?$/i;

/** The digits (and a leading +) of a number, if it has a sensible count of digits: 3 to 15. */
function dialable(text: string): string | null {
  const digits = text.replace(/[^\d]/g, '');
  if (digits.length < 3 || digits.length > 15) return null;
  return (text.trim().startsWith('+') ? '+' : '') + digits;
}

/** The link a contact deserves, or null when it is not clearly a number, an address or a page. */
export function contactLink(contact: string): ContactLink | null {
  const text = contact.trim();
  const make = (kind: ContactKind, href: string): ContactLink => ({
    kind,
    href,
    verb: VERBS[kind],
    label: SAYS_ITS_VERB.test(text) ? text : `${VERBS[kind]} ${text}`,
  });

  const sms = SMS.exec(text);
  if (sms !== null) {
    const number = dialable(sms[2] ?? '');
    if (number === null) return null;
    return make(
      'sms',
      sms[1] === undefined ? `sms:${number}` : `sms:${number}?body=${encodeURIComponent(sms[1])}`,
    );
  }
  const phone = PHONE.exec(text.replace(/^tel:/i, ''));
  if (phone !== null) {
    const number = dialable(phone[1] ?? '');
    return number === null ? null : make('tel', `tel:${number}`);
  }
  const email = EMAIL.exec(text);
  if (email !== null) return make('mailto', `mailto:${email[1]}`);
  if (WEB.test(text)) {
    try {
      const url = new URL(/^https?:\/\//i.test(text) ? text : `https://${text}`);
      if (url.protocol === 'https:' || url.protocol === 'http:') return make('web', url.href);
    } catch {
      return null;
    }
  }
  return null;
}
