import type { ReactNode } from 'react';
import { HelpButton, type HelpTexts } from './HelpPanel';

interface MemberBarProps {
  help: HelpTexts;
  inCircle?: boolean;
  /** Small lines on the left: who I am, where the meeting is. */
  children?: ReactNode;
  /** Below the line, still in the bar: the private nudge, which must be seen wherever one has scrolled. */
  below?: ReactNode;
}

/**
 * The top of every phone screen, kept in view while scrolling: a few small facts on the left and
 * "Help" on the right, always one tap away.
 */
export function MemberBar({ help, inCircle = false, children, below }: MemberBarProps) {
  return (
    <div className="member-bar">
      <div className="member-bar-row">
        <div className="member-bar-facts">{children}</div>
        <HelpButton help={help} inCircle={inCircle} />
      </div>
      {below}
    </div>
  );
}
