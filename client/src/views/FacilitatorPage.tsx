import { useState } from 'react';
import { takeRoomKey } from '../state/room-keys';
import { FacilitatorView } from './facilitator/FacilitatorView';
import { MissingKey } from './MissingKey';

/** `/f/:code`: takes the facilitator key from the link and hands over to the dashboard. */
export function FacilitatorPage({ code }: { code: string }) {
  const [facilitatorKey] = useState(() => takeRoomKey('facilitator', code));
  if (facilitatorKey === null) return <MissingKey face="dashboard" code={code} />;
  return <FacilitatorView code={code} facilitatorKey={facilitatorKey} />;
}
