import { describe, expect, it } from 'vitest';
import { keyFromFragment } from '../../../client/src/state/room-keys';
import { parseRoute } from '../../../client/src/state/route';

describe('parseRoute', () => {
  it.each([
    ['/', { face: 'home' }],
    ['/j', { face: 'join' }],
    ['/j/', { face: 'join' }],
    ['/j/k7mpq3', { face: 'member', code: 'K7MPQ3' }],
    ['/f/K7MPQ3', { face: 'facilitator', code: 'K7MPQ3' }],
    ['/d/K7MPQ3/', { face: 'display', code: 'K7MPQ3' }],
    ['/f', { face: 'not-found' }],
    ['/x/K7MPQ3', { face: 'not-found' }],
    ['/j/K7MPQ3/extra', { face: 'not-found' }],
  ])('%s', (path, route) => {
    expect(parseRoute(path)).toEqual(route);
  });
});

describe('keyFromFragment', () => {
  it('reads the key from the fragment', () => {
    expect(keyFromFragment('#key=abc-DEF_123')).toBe('abc-DEF_123');
    expect(keyFromFragment('key=abc')).toBe('abc');
  });
  it('is null without a key', () => {
    expect(keyFromFragment('')).toBeNull();
    expect(keyFromFragment('#')).toBeNull();
    expect(keyFromFragment('#key=')).toBeNull();
    expect(keyFromFragment('#other=1')).toBeNull();
  });
});
