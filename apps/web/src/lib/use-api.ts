import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client';

export interface ApiState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload(): void;
  setData(update: T | ((previous: T | undefined) => T | undefined)): void;
}

interface Result<T> {
  key: string;
  data: T | undefined;
  error: unknown;
}

/** GETs `path` (null: nothing yet) and keeps the answer; a stale answer never lands. */
export function useApi<T>(path: string | null): ApiState<T> {
  const [version, setVersion] = useState(0);
  const key = `${version}:${path}`;
  const [result, setResult] = useState<Result<T>>({ key: '', data: undefined, error: undefined });

  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    api.get<T>(path, controller.signal).then(
      (data) => setResult({ key, data, error: undefined }),
      (error: unknown) => {
        if ((error as Error).name !== 'AbortError') setResult((r) => ({ key, data: r.data, error }));
      },
    );
    return () => controller.abort();
  }, [path, key]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const setData = useCallback((update: T | ((previous: T | undefined) => T | undefined)) => {
    setResult((r) => ({
      ...r,
      data: typeof update === 'function' ? (update as (p: T | undefined) => T | undefined)(r.data) : update,
    }));
  }, []);
  const current = result.key === key;
  return {
    // Keep showing the previous data while a reload runs; a new path starts empty.
    data: current || result.key.endsWith(`:${path}`) ? result.data : undefined,
    error: current ? result.error : undefined,
    loading: path !== null && !current && !(result.key.endsWith(`:${path}`) && result.data !== undefined),
    reload,
    setData,
  };
}
