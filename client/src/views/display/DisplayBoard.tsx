import type { DisplayView } from '../../../../shared/views';
import { Countdown } from '../../components/Countdown';
import { useFullscreen } from '../../hooks/use-fullscreen';
import type { RoomConnection } from '../../socket/use-room';
import { currentSegment } from '../../state/agenda-readout';
import { memberName, nextUp, roundKindLabel, roundProgress, runningRound } from '../../state/room-summary';
import { AgendaClock } from './AgendaClock';
import { DisplayAgreements } from './DisplayAgreements';
import { DisplayIdle } from './DisplayIdle';

interface DisplayBoardProps {
  view: DisplayView;
  conn: RoomConnection<DisplayView>;
}

/** The projector during the circle: speaker, timer, prompt, round progress and who is next. */
export function DisplayBoard({ view, conn }: DisplayBoardProps) {
  const fullscreen = useFullscreen();
  const round = runningRound(view);
  const speaker = memberName(view, view.speaker?.memberId);
  const next = nextUp(view);
  const progress = round === null ? null : roundProgress(round);
  // Nobody speaking and no round running: the screen invites people to join instead.
  const idle = speaker === null && round === null;
  // During the opening the agreements stay on screen, beside whoever is speaking.
  const opening = currentSegment(view.agenda)?.segment.kind === 'opening';
  const agreementsAside = !idle && opening && view.agreements.length > 0;

  return (
    <main className="display" data-clock={conn.clockSynced ? 'synced' : 'estimated'}>
      <header className="display-top">
        <div className="display-heading">
          <p className="display-title">{view.title}</p>
          <AgendaClock agenda={view.agenda} clock={conn} />
        </div>
        {round !== null && progress !== null && (
          <p className="display-round">
            {roundKindLabel[round.kind]} · turn {progress.turn} of {progress.total}
          </p>
        )}
        {conn.status !== 'connected' && (
          <p className="display-offline" role="status">
            Reconnecting…
          </p>
        )}
        {fullscreen.supported && (
          <button type="button" className="display-button" onClick={fullscreen.toggle}>
            {fullscreen.active ? 'Exit full screen' : 'Full screen'}
          </button>
        )}
      </header>
      {idle ? (
        <DisplayIdle view={view} />
      ) : (
        <div className={agreementsAside ? 'display-middle display-middle-aside' : 'display-middle'}>
          <section className="display-stage" aria-label="Now speaking">
            {round !== null && round.prompt !== '' && <p className="display-prompt">{round.prompt}</p>}
            <h1 className="display-speaker">{speaker ?? 'Waiting for the next speaker'}</h1>
            {view.timer !== null && speaker !== null && (
              <Countdown
                timer={view.timer}
                warnSeconds={view.settings.warnSeconds}
                clock={conn}
                variant="display"
              />
            )}
          </section>
          {agreementsAside && <DisplayAgreements agreements={view.agreements} variant="aside" />}
        </div>
      )}
      {!idle && (
        <footer className="display-bottom">
          {next !== null && (
            <p className="display-next">
              Next: <strong>{next.name}</strong>
            </p>
          )}
          <p className="display-code">
            Join at {window.location.host}/j · code <strong>{view.code}</strong>
          </p>
        </footer>
      )}
    </main>
  );
}
