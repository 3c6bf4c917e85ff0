import { useEffect, useState } from 'react';
import type { RoomInfo } from '../../../shared/http';
import { type ApiAnswer, fetchRoomInfo } from '../api/rooms-api';

/** The room's public facts (title, locked, …) before joining; null while loading. */
export function useRoomInfo(code: string): ApiAnswer<RoomInfo> | null {
  const [answer, setAnswer] = useState<ApiAnswer<RoomInfo> | null>(null);
  useEffect(() => {
    let current = true;
    setAnswer(null);
    void fetchRoomInfo(code).then((result) => {
      if (current) setAnswer(result);
    });
    return () => {
      current = false;
    };
  }, [code]);
  return answer;
}
