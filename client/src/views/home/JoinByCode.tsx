import { type FormEvent, useId, useState } from 'react';
import { facePaths } from '../../../../shared/http';
import { normalizeRoomCode, ROOM_CODE_LENGTH } from '../../../../shared/room-code';

/** "Join a room": a code from the facilitator's screen takes the member to the room's join page. */
export function JoinByCode({ headingLevel = 2 }: { headingLevel?: 1 | 2 }) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();
  const Heading = headingLevel === 1 ? 'h1' : 'h2';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const code = normalizeRoomCode(text);
    if (code === null) {
      setProblem(`A room code has ${ROOM_CODE_LENGTH} letters and digits, like “K7MPQ3”.`);
      return;
    }
    window.location.assign(facePaths.member(code));
  };

  return (
    <form className="card join-by-code" onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
      <Heading id={`${id}-heading`}>Join a room</Heading>
      <div className="field">
        <label htmlFor={`${id}-code`}>Room code</label>
        <input
          id={`${id}-code`}
          className="code-input"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={12}
          value={text}
          onChange={(event) => setText(event.target.value)}
          aria-invalid={problem !== null}
          aria-describedby={problem === null ? undefined : `${id}-problem`}
        />
      </div>
      {problem !== null && (
        <p className="notice notice-error" id={`${id}-problem`} role="alert">
          {problem}
        </p>
      )}
      <button type="submit" className="btn btn-primary btn-block">
        Join
      </button>
    </form>
  );
}
