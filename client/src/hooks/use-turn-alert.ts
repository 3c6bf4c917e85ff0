import { useEffect, useRef, useState } from 'react';

/** Buzz pattern for "your turn" (ms on, off, on): noticeable, not alarming. */
const TURN_BUZZ = [200, 100, 200];

/**
 * When `myTurn` becomes true: a haptic buzz where the device has one, and a message for an
 * assertive live region so that screen-reader users hear it. Returns that message.
 */
export function useTurnAlert(myTurn: boolean): string {
  const [message, setMessage] = useState('');
  const was = useRef(myTurn);
  useEffect(() => {
    if (myTurn && !was.current) {
      if (typeof navigator.vibrate === 'function') navigator.vibrate(TURN_BUZZ);
      setMessage('It is your turn to speak.');
    } else if (!myTurn && was.current) {
      setMessage('');
    }
    was.current = myTurn;
  }, [myTurn]);
  return message;
}
