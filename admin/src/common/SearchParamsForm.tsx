import { useEffect, useMemo, type ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Form } from 'react-admin';
import { useWatch } from 'react-hook-form';

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

export interface SearchParamsSpec {
  /** The params the form edits, with their value when the address has none ('' = none). */
  defaults: Record<string, string>;
  /** Params holding ids: numbers in the form, as reference inputs keep them. */
  numeric?: readonly string[];
  /** Params holding days: written back only once the text is a real day. */
  dates?: readonly string[];
  /** Params dropped when any of the form's change (the page of a paged report). */
  resetOnChange?: readonly string[];
}

/** The form's params as the address holds them now (defaults filled in). */
export function useSearchParamValues(spec: SearchParamsSpec): Record<string, string> {
  const [params] = useSearchParams();
  return Object.fromEntries(Object.entries(spec.defaults).map(([key, fallback]) => [key, params.get(key) ?? fallback]));
}

const Sync = ({ spec }: { spec: SearchParamsSpec }) => {
  const values = useWatch() as Record<string, unknown>;
  const [params, setParams] = useSearchParams();
  useEffect(() => {
    const next = new URLSearchParams(params);
    let changed = false;
    for (const key of Object.keys(spec.defaults)) {
      const raw = values[key];
      // Not in the form yet (its values arrive after the first render): nothing to write.
      if (raw === undefined) continue;
      const text = raw === null || raw === undefined ? '' : String(raw);
      if (spec.dates?.includes(key) && text !== '' && !DAY_RE.test(text)) continue;
      const current = params.get(key) ?? spec.defaults[key];
      if (text === current) continue;
      changed = true;
      if (text === spec.defaults[key]) next.delete(key);
      else next.set(key, text);
    }
    if (!changed) return;
    for (const key of spec.resetOnChange ?? []) next.delete(key);
    setParams(next, { replace: true });
  }, [values, params, setParams, spec]);
  return null;
};

/**
 * A report's options kept in the address (`?asOf=…&groupBy=…`), so a link, a
 * reload or the back button shows the same report: the form starts from the
 * address, and every valid change is written back to it.
 */
export const SearchParamsForm = ({ spec, children }: { spec: SearchParamsSpec; children: ReactNode }) => {
  const values = useSearchParamValues(spec);
  const defaultValues = useMemo(
    () =>
      Object.fromEntries(
        Object.entries(values).map(([key, text]) => [
          key,
          text === '' ? null : spec.numeric?.includes(key) && /^\d+$/.test(text) ? Number(text) : text,
        ]),
      ),
    // The form reads the address once; afterwards it writes to it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  return (
    <Form defaultValues={defaultValues} noValidate>
      <Sync spec={spec} />
      {children}
    </Form>
  );
};
