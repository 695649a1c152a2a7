import { Button } from '@digdir/designsystemet-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Page } from '../api/types';

interface PagedState<T> {
  key: string;
  items: T[];
  cursor: string | null;
  error: unknown;
  /** Index of the first item of the last page appended, for moving focus to it. */
  firstNew: number | null;
}

const withLimit = (path: string, limit: number, cursor?: string) =>
  `${path}${path.includes('?') ? '&' : '?'}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;

/** A cursor-paged list: the first page, then "show more" appends the next one. */
export function usePaged<T>(basePath: string | null, limit = 20) {
  const [version, setVersion] = useState(0);
  const key = `${version}:${basePath}`;
  const [state, setState] = useState<PagedState<T>>({
    key: '',
    items: [],
    cursor: null,
    error: undefined,
    firstNew: null,
  });
  const [loadingMore, setLoadingMore] = useState(false);

  useEffect(() => {
    if (basePath === null) return;
    const controller = new AbortController();
    api.get<Page<T>>(withLimit(basePath, limit), controller.signal).then(
      (page) => setState({ key, items: page.items, cursor: page.nextCursor, error: undefined, firstNew: null }),
      (error: unknown) => {
        if ((error as Error).name !== 'AbortError') setState({ key, items: [], cursor: null, error, firstNew: null });
      },
    );
    return () => controller.abort();
  }, [basePath, limit, key]);

  const current = state.key === key;
  const loadMore = useCallback(async () => {
    if (!state.cursor || basePath === null) return;
    setLoadingMore(true);
    try {
      const page = await api.get<Page<T>>(withLimit(basePath, limit, state.cursor));
      setState((s) => ({
        ...s,
        items: [...s.items, ...page.items],
        cursor: page.nextCursor,
        firstNew: s.items.length,
      }));
    } catch (error) {
      setState((s) => ({ ...s, error }));
    } finally {
      setLoadingMore(false);
    }
  }, [basePath, limit, state.cursor]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const setItems = useCallback(
    (update: (items: T[]) => T[]) => setState((s) => ({ ...s, items: update(s.items) })),
    [],
  );
  return {
    items: current ? state.items : [],
    setItems,
    hasMore: current && state.cursor !== null,
    loading: basePath !== null && !current,
    loadingMore,
    error: current ? state.error : undefined,
    loadMore,
    reload,
    firstNew: current ? state.firstNew : null,
  };
}

/** Moves focus to the first newly appended item, so keyboard users continue where the list grew. */
export function useFocusFirstNew(firstNew: number | null, container: React.RefObject<HTMLElement | null>) {
  const last = useRef<number | null>(null);
  useEffect(() => {
    if (firstNew === null || firstNew === last.current) return;
    last.current = firstNew;
    const el = container.current?.querySelectorAll<HTMLElement>('[data-list-item]')[firstNew];
    el?.focus();
  }, [firstNew, container]);
}

/** Focuses the element once it is shown (instead of autoFocus, which screen readers handle badly). */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}

export function LoadMoreButton({ onClick, loading, label }: { onClick(): void; loading: boolean; label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="load-more">
      <Button variant="secondary" onClick={onClick} disabled={loading} aria-busy={loading || undefined}>
        {label ?? t('common.showMore')}
      </Button>
    </div>
  );
}
