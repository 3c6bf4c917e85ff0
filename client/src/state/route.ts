/** The page to show for a path: the client routes by path, the server answers every path with index.html. */
export type Route =
  | { face: 'home' }
  | { face: 'join' }
  | { face: 'facilitator'; code: string }
  | { face: 'member'; code: string }
  | { face: 'display'; code: string }
  | { face: 'not-found' };

const FACES = { f: 'facilitator', j: 'member', d: 'display' } as const;

export function parseRoute(pathname: string): Route {
  const parts = pathname.split('/').filter((part) => part !== '');
  if (parts.length === 0) return { face: 'home' };
  const [head, code, ...rest] = parts;
  if (head === 'j' && code === undefined) return { face: 'join' };
  if (head === 'f' || head === 'j' || head === 'd') {
    if (code !== undefined && rest.length === 0) {
      return { face: FACES[head], code: decodeURIComponent(code).toUpperCase() };
    }
  }
  return { face: 'not-found' };
}
