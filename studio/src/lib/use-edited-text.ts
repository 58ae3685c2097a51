import { useEffect, useRef, useState } from 'react';

/**
 * The text an input shows for a value stored in another form (an ISO instant, seconds): it follows changes of
 * `value` made elsewhere (a reset, a reload), but never rewrites what the user is typing. Call `own(v)` with
 * the value the input itself just reported, so that echo is not taken for an outside change.
 */
export function useEditedText<V>(value: V, format: (value: V) => string) {
  const [text, setText] = useState(() => format(value));
  const last = useRef(value);
  useEffect(() => {
    if (value !== last.current) {
      last.current = value;
      setText(format(value));
    }
    // `format` is a pure module function; only outside changes of `value` matter here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  const own = (reported: V) => {
    last.current = reported;
  };
  return { text, setText, own };
}
