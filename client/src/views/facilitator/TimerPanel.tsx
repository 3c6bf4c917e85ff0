import { formatClock, remainingMs, timerPhase } from '../../../../shared/timer';
import type { DashProps } from './dashboard-context';
import { phaseLabel } from './logic/labels';
import { nextSpeakerCommand, upNext } from './logic/next-speaker';
import { timerState, toggleTimerCommand } from './logic/timer-control';
import { NudgeControls } from './NudgeControls';

const stateLabel = { none: 'Not started', ready: 'Ready', running: 'Running', paused: 'Paused' } as const;
const toggleLabel = {
  none: 'Start timer',
  ready: 'Start timer',
  running: 'Pause',
  paused: 'Resume',
} as const;

/** Who holds the piece, the live countdown (colour and words), timer controls and "next speaker". */
export function TimerPanel(props: DashProps) {
  const { view, now, connected, run, nameOf } = props;
  const { timer, speaker, settings } = view;
  const state = timerState(timer);
  const remaining = timer ? remainingMs(timer, now) : settings.turnSeconds * 1000;
  const phase = timer ? timerPhase(remaining, settings.warnSeconds) : 'ok';
  const next = upNext(view);
  const nextCommand = nextSpeakerCommand(view);
  const off = !connected;

  return (
    <section className="fac-panel fac-stage" aria-labelledby="fac-stage-h">
      <h2 id="fac-stage-h" className="fac-visually-hidden">
        Speaker and timer
      </h2>
      <p className="fac-speaker">
        {speaker ? (
          <>
            <strong>{nameOf(speaker.memberId)}</strong> is speaking
          </>
        ) : (
          'Nobody holds the talking piece'
        )}
      </p>
      <p className="fac-upnext">{next ? `Up next: ${nameOf(next)}` : '\u00a0'}</p>
      <div
        className={`fac-clock fac-phase-${timer ? phase : 'idle'}`}
        role="timer"
        aria-label="Speaking timer"
      >
        <span className="fac-clock-digits">{formatClock(remaining)}</span>
        <span className="fac-clock-words">
          {timer ? `${phaseLabel[phase]} · ${stateLabel[state]}` : stateLabel.none}
        </span>
      </div>
      <div className="fac-controls">
        <button
          type="button"
          className="fac-btn fac-btn-primary"
          disabled={off}
          aria-keyshortcuts="Space"
          onClick={() => void run(toggleTimerCommand(timer))}
        >
          {toggleLabel[state]}
          <span className="fac-kbd" aria-hidden="true">
            Space
          </span>
        </button>
        <button
          type="button"
          className="fac-btn"
          disabled={off || !timer}
          aria-label="−30 s: take 30 seconds off"
          onClick={() => void run({ type: 'timer.add', seconds: -30 })}
        >
          −30 s
        </button>
        <button
          type="button"
          className="fac-btn"
          disabled={off || !timer}
          aria-label="+30 s: add 30 seconds"
          onClick={() => void run({ type: 'timer.add', seconds: 30 })}
        >
          +30 s
        </button>
        <button
          type="button"
          className="fac-btn"
          disabled={off || !timer}
          onClick={() => void run({ type: 'timer.reset' })}
        >
          Reset
        </button>
      </div>
      <div className="fac-controls">
        <button
          type="button"
          className="fac-btn fac-btn-primary"
          disabled={off || !nextCommand}
          aria-keyshortcuts="N ArrowRight PageDown"
          onClick={() => nextCommand && void run(nextCommand)}
        >
          Next speaker
          <span className="fac-kbd" aria-hidden="true">
            N
          </span>
        </button>
        <button
          type="button"
          className="fac-btn"
          disabled={off || !speaker}
          onClick={() => void run({ type: 'piece.release' })}
        >
          Release piece
        </button>
      </div>
      <NudgeControls {...props} />
    </section>
  );
}
