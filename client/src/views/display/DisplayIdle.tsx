import { facePaths } from '../../../../shared/http';
import type { DisplayView } from '../../../../shared/views';
import { QrCode } from '../../components/QrCode';

/** Before the first round (or between rounds): how to join, large enough to read from a seat. */
export function DisplayIdle({ view }: { view: DisplayView }) {
  const joinUrl = `${window.location.origin}${facePaths.member(view.code)}`;
  const online = view.members.filter((m) => m.online).length;
  return (
    <section className="display-idle" aria-labelledby="idle-heading">
      <div className="display-idle-text">
        <h1 id="idle-heading">Waiting for the circle to begin</h1>
        <p>Join on your phone: scan the code, or go to</p>
        <p className="display-join-url">{joinUrl}</p>
        <p className="display-idle-code">
          Room code <strong>{view.code}</strong>
        </p>
        <p className="display-idle-count">
          {online === 0
            ? 'Nobody has joined yet.'
            : `${online} ${online === 1 ? 'person has' : 'people have'} joined.`}
        </p>
        {view.agreements.length > 0 && (
          <>
            <h2 className="display-agreements-heading">Our agreements</h2>
            <ol className="display-agreements">
              {view.agreements.map((agreement) => (
                <li key={agreement}>{agreement}</li>
              ))}
            </ol>
          </>
        )}
      </div>
      <QrCode text={joinUrl} label={`QR code to join room ${view.code}`} />
    </section>
  );
}
