/**
 * The state of a form that sends one request: `tried` (show "required" errors once the person tried), `busy`
 * (disable the button), the request's `error`, and `onSubmit` for the <form>: it marks the try, stops when
 * `ready()` says the input is incomplete, and otherwise runs `send` with busy and error handled.
 */
import { useState, type FormEvent } from 'react';

export interface Submit<E extends Error> {
  tried: boolean;
  busy: boolean;
  error: E | null;
  onSubmit: (event: FormEvent) => void;
}

export function useSubmit<E extends Error = Error>(ready: () => boolean, send: () => Promise<void>): Submit<E> {
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<E | null>(null);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!ready() || busy) return;
    setBusy(true);
    setError(null);
    send()
      .catch((e: unknown) => setError(e as E))
      .finally(() => setBusy(false));
  };
  return { tried, busy, error, onSubmit };
}
