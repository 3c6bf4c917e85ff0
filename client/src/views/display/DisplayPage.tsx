import { useState } from 'react';
import { errorMessages } from '../../../../shared/errors';
import type { DisplayView } from '../../../../shared/views';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { useWakeLock } from '../../hooks/use-wake-lock';
import { useRoom } from '../../socket/use-room';
import { takeRoomKey } from '../../state/room-keys';
import { MissingKey } from '../MissingKey';
import { DisplayBoard } from './DisplayBoard';
import { DisplayMessage } from './DisplayMessage';
import '../../styles/display.css';

/** `/d/:code`: the projector face. Takes the display key from the link. */
export function DisplayPage({ code }: { code: string }) {
  const [displayKey] = useState(() => takeRoomKey('display', code));
  if (displayKey === null) return <MissingKey face="display" code={code} />;
  return <DisplayConnection code={code} displayKey={displayKey} />;
}

function DisplayConnection({ code, displayKey }: { code: string; displayKey: string }) {
  const conn = useRoom<DisplayView>({ code, displayKey });
  const view = conn.view;
  useWakeLock(view !== null && view.status === 'open');
  useDocumentTitle(view === null ? `Display ${code}` : `${view.title} · display`);

  if (conn.status === 'removed' || view?.status === 'ended') {
    return <DisplayMessage heading="This circle has ended" detail="Thank you for being here." />;
  }
  if (conn.status === 'refused') {
    const reason = errorMessages[conn.errorCode ?? 'unavailable'];
    return <DisplayMessage heading="The display cannot join this room" detail={reason} />;
  }
  if (view === null) {
    return <DisplayMessage heading={`Connecting to room ${code}…`} status={conn.status} />;
  }
  return <DisplayBoard view={view} conn={conn} />;
}
