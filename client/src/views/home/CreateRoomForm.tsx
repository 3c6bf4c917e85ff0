import { type FormEvent, useState } from 'react';
import type { CreateRoomResponse } from '../../../../shared/http';
import { TitleSchema, TurnSecondsSchema } from '../../../../shared/settings';
import { createRoom } from '../../api/rooms-api';

/** Title and turn length for a new room; answers with the room's code, keys and links. */
export function CreateRoomForm({ onCreated }: { onCreated(room: CreateRoomResponse): void }) {
  const [title, setTitle] = useState('');
  const [minutes, setMinutes] = useState('2');
  const [seconds, setSeconds] = useState('0');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsedTitle = TitleSchema.safeParse(title);
    if (!parsedTitle.success) {
      setProblem(parsedTitle.error.issues[0]?.message ?? 'Please enter a title.');
      return;
    }
    const turn = TurnSecondsSchema.safeParse(Number(minutes || 0) * 60 + Number(seconds || 0));
    if (!turn.success) {
      setProblem('A turn lasts from 10 seconds to 60 minutes.');
      return;
    }
    setProblem(null);
    setBusy(true);
    const answer = await createRoom({ title: parsedTitle.data, settings: { turnSeconds: turn.data } });
    setBusy(false);
    if (answer.ok) onCreated(answer.value);
    else setProblem(answer.message);
  };

  return (
    <form className="card create-room" onSubmit={(event) => void submit(event)} noValidate>
      <h2>Start a circle</h2>
      <div className="field">
        <label htmlFor="room-title">Name of the circle</label>
        <input
          id="room-title"
          value={title}
          maxLength={80}
          placeholder="Tuesday evening group"
          onChange={(event) => setTitle(event.target.value)}
        />
      </div>
      <fieldset className="turn-length">
        <legend>Length of a turn</legend>
        <div className="field-row">
          <div className="field">
            <label htmlFor="turn-minutes">Minutes</label>
            <input
              id="turn-minutes"
              type="number"
              inputMode="numeric"
              min={0}
              max={60}
              value={minutes}
              onChange={(event) => setMinutes(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="turn-seconds">Seconds</label>
            <input
              id="turn-seconds"
              type="number"
              inputMode="numeric"
              min={0}
              max={59}
              step={5}
              value={seconds}
              onChange={(event) => setSeconds(event.target.value)}
            />
          </div>
        </div>
      </fieldset>
      {problem !== null && (
        <p className="notice notice-error" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" className="btn btn-primary btn-block btn-large" disabled={busy}>
        {busy ? 'Creating…' : 'Create the room'}
      </button>
    </form>
  );
}
