import { facePaths } from '../../../../shared/http';
import type { DisplayView } from '../../../../shared/views';
import { QrCode } from '../../components/QrCode';
import { currentSegment } from '../../state/agenda-readout';
import { DisplayAgreements } from './DisplayAgreements';

/**
 * Nobody speaking and no round running (before the first round, between rounds, the opening):
 * how to join, large enough to read from a seat, and the group's agreements when it has some.
 * With agreements, they take the main column and the joining details go under the QR code.
 */
export function DisplayIdle({ view }: { view: DisplayView }) {
  const joinUrl = `${window.location.origin}${facePaths.member(view.code)}`;
  const online = view.members.filter((m) => m.online).length;
  const segment = currentSegment(view.agenda)?.segment ?? null;
  const heading =
    segment === null
      ? 'Waiting for the circle to begin'
      : segment.kind === 'opening'
        ? 'Welcome'
        : segment.title;
  const withAgreements = view.agreements.length > 0;

  const joining = (
    <>
      <p>{withAgreements ? 'Scan to join, or go to' : 'Join on your phone: scan the code, or go to'}</p>
      <p className="display-join-url">{joinUrl}</p>
      <p className="display-idle-code">
        Room code <strong>{view.code}</strong>
      </p>
      <p className="display-idle-count">
        {online === 0
          ? 'Nobody has joined yet.'
          : `${online} ${online === 1 ? 'person has' : 'people have'} joined.`}
      </p>
    </>
  );

  return (
    <section
      className={withAgreements ? 'display-idle display-idle-agreements' : 'display-idle'}
      aria-labelledby="idle-heading"
    >
      <div className="display-idle-text">
        <h1 id="idle-heading">{heading}</h1>
        {withAgreements ? <DisplayAgreements agreements={view.agreements} variant="main" /> : joining}
      </div>
      <div className="display-idle-join">
        <QrCode text={joinUrl} label={`QR code to join room ${view.code}`} />
        {withAgreements && <div className="display-idle-join-text">{joining}</div>}
      </div>
    </section>
  );
}
