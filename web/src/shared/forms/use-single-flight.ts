import { useRef, useState, type BaseSyntheticEvent } from 'react';

/**
 * Wraps a form's submit handler so a second submission (double click, Enter held down) is
 * ignored while the first runs: the request is sent once. `pending` drives the button.
 */
export function useSingleFlight(handler: (event?: BaseSyntheticEvent) => Promise<void>) {
  const running = useRef(false);
  const [pending, setPending] = useState(false);

  const run = async (event?: BaseSyntheticEvent) => {
    if (running.current) {
      event?.preventDefault();
      return;
    }
    running.current = true;
    setPending(true);
    try {
      await handler(event);
    } finally {
      running.current = false;
      setPending(false);
    }
  };

  return [run, pending] as const;
}
