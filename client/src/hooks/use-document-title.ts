import { useEffect } from 'react';

/** Sets the tab's title, so each face and state is named in the tab strip and for screen readers. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title === '' ? 'Circlekeeper' : `${title} · Circlekeeper`;
  }, [title]);
}
