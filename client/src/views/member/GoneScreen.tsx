import type { RemovedReason } from '../../../../shared/events';
import { PageShell } from '../../components/PageShell';
import { StatusCard } from '../../components/StatusCard';
import type { HelpTexts } from './HelpPanel';
import { MemberBar } from './MemberBar';

interface GoneScreenProps {
  reason: RemovedReason;
  title: string | undefined;
  /** The room's texts as last received, if any: the Help panel stays. */
  help: HelpTexts | null;
}

const WORDS: Record<RemovedReason, { page: string; heading: string; body: string[] }> = {
  ended: {
    page: 'Circle ended',
    heading: 'This circle has ended',
    body: ['Thank you for being part of it.', 'Take good care of yourself until next time.'],
  },
  declined: {
    page: 'Not let in',
    heading: 'You were not let into this circle',
    body: [
      'The facilitator could not let you in this time. This is not a judgement of you.',
      'If you think this is a mistake, or want to know more, please contact whoever invited you.',
    ],
  },
  removed: {
    page: 'Removed',
    heading: 'You have left this circle',
    body: [
      'The facilitator has taken you out of this room, and nothing more is shared with this phone.',
      'If you think this is a mistake, please speak to the facilitator. Take care of yourself.',
    ],
  },
};

/** After the circle: ended for everyone, or this member declined at the door or removed. Kind words, and Help. */
export function GoneScreen({ reason, title, help }: GoneScreenProps) {
  const words = WORDS[reason];
  return (
    <PageShell title={words.page} subtitle={title} narrow>
      {help !== null && <MemberBar help={help} />}
      <StatusCard heading={words.heading}>
        {words.body.map((line) => (
          <p key={line}>{line}</p>
        ))}
        {help !== null && help.resources.length > 0 && (
          <p className="muted">If you would like to talk to someone, the support contacts are under Help.</p>
        )}
      </StatusCard>
    </PageShell>
  );
}
