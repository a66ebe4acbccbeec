import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/** A change to a page's state, applied to the state as it is when the change lands. */
export type StateUpdate<T> = (current: T) => T;

/**
 * A page's state kept in the address (`?…`): read with `parse`, written with `format`, both
 * stable (module-level) functions. Changes are updaters applied to the address as it is now,
 * not as last rendered: React Router's own updater form passes the rendered parameters, so a
 * second change made before the page re-renders (a fast hand, a slow machine) would start from
 * the same view as the first and silently undo it. `BrowserRouter` writes the address as soon
 * as it navigates, so the address bar is the latest state.
 */
export function useSearchState<T>(
  parse: (params: URLSearchParams) => T,
  format: (value: T) => URLSearchParams,
): [T, (update: StateUpdate<T>) => void] {
  const [params, setParams] = useSearchParams();
  const value = useMemo(() => parse(params), [parse, params]);
  const change = useCallback(
    (update: StateUpdate<T>) => {
      const latest = parse(new URLSearchParams(window.location.search));
      setParams(format(update(latest)));
    },
    [parse, format, setParams],
  );
  return [value, change];
}
