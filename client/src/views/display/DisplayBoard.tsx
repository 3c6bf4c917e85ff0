import type { DisplayView } from '../../../../shared/views';
import { Countdown } from '../../components/Countdown';
import { useFullscreen } from '../../hooks/use-fullscreen';
import type { RoomConnection } from '../../socket/use-room';
import { memberName, nextUp, roundKindLabel, roundProgress, runningRound } from '../../state/room-summary';
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

  return (
    <main className="display" data-clock={conn.clockSynced ? 'synced' : 'estimated'}>
      <header className="display-top">
        <p className="display-title">{view.title}</p>
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
