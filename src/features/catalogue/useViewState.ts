import { useCallback, useEffect, useMemo, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { formatViewSearch, parseViewSearch, type ViewState } from './viewState';

export type ViewUpdate = ViewState | ((view: ViewState) => ViewState);

/**
 * The view is the address: read from the query string once per location, written back with its
 * inverse. Every change is a history entry, so Back and Forward walk through views.
 */
export function useViewState() {
  const { search } = useLocation();
  const navigate = useNavigate();
  const parsed = useMemo(() => parseViewSearch(search), [search]);

  // What was dropped from an address stays on screen after the address is corrected, until dismissed.
  const [noticesOf, setNoticesOf] = useState(parsed);
  const [notices, setNotices] = useState<string[]>(parsed.notices);
  if (noticesOf !== parsed) {
    setNoticesOf(parsed);
    if (parsed.notices.length > 0) setNotices(parsed.notices);
  }

  // A URL that had to be corrected is replaced by its canonical form.
  useEffect(() => {
    const canonical = formatViewSearch(parsed.view);
    if (canonical !== search.replace(/^\?/, '')) {
      void navigate({ search: canonical ? `?${canonical}` : '' }, { replace: true });
    }
  }, [parsed, search, navigate]);

  const { view } = parsed;
  const setView = useCallback(
    (update: ViewUpdate, options: { replace?: boolean } = {}) => {
      const next = formatViewSearch(typeof update === 'function' ? update(view) : update);
      if (next === search.replace(/^\?/, '')) return;
      void navigate({ search: next ? `?${next}` : '' }, { replace: options.replace ?? false });
    },
    [view, search, navigate],
  );
  const dismissNotices = useCallback(() => setNotices([]), []);

  return { view, setView, notices, dismissNotices };
}
