import { useState } from 'react';
import { parseRoute } from './state/route';
import { DisplayPage } from './views/display/DisplayPage';
import { FacilitatorPage } from './views/FacilitatorPage';
import { HomePage } from './views/home/HomePage';
import { JoinPage } from './views/home/JoinPage';
import { MemberPage } from './views/member/MemberPage';
import { NotFoundPage } from './views/NotFoundPage';

/** Routes by path once per page load: links between faces are ordinary page loads. */
export function App() {
  const [route] = useState(() => parseRoute(window.location.pathname));
  switch (route.face) {
    case 'home':
      return <HomePage />;
    case 'join':
      return <JoinPage />;
    case 'facilitator':
      return <FacilitatorPage code={route.code} />;
    case 'member':
      return <MemberPage code={route.code} />;
    case 'display':
      return <DisplayPage code={route.code} />;
    case 'not-found':
      return <NotFoundPage />;
  }
}
