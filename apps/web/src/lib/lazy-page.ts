import { type ComponentType, lazy } from 'react';
import { loadAllTexts } from '../i18n';

/** A page in its own chunk, shown once its code and the texts beyond the home page's have arrived. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- React.lazy's own bound
export function lazyPage<T extends ComponentType<any>>(load: () => Promise<{ default: T }>) {
  return lazy(() => Promise.all([load(), loadAllTexts()]).then(([page]) => page));
}
