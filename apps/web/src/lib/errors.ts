import type { TFunction } from 'i18next';
import i18next from 'i18next';
import { ApiError, NetworkError } from '../api/client';
import { formatDateTime } from './format';

/** A sentence for the user, in their language, from anything an API call can throw. */
export function errorText(t: TFunction, error: unknown): string {
  if (error instanceof NetworkError) return t('errors.network');
  if (error instanceof ApiError) {
    const until = error.until ? formatDateTime(error.until, i18next.language) : '';
    const minutes = error.retryAfterSeconds ? Math.max(1, Math.ceil(error.retryAfterSeconds / 60)) : undefined;
    if (error.code) {
      const key = `errors.codes.${error.code}`;
      if (error.code === 'rate_limited' && minutes) return t('errors.codes.rate_limited_minutes', { count: minutes });
      if ((error.code === 'muted' || error.code === 'banned' || error.code === 'on_break') && until)
        return t(`${key}_until`, { until });
      if (i18next.exists(key)) return t(key);
    }
    if (error.status === 401) return t('errors.status.401');
    if (error.status === 403) return t('errors.status.403');
    if (error.status === 404) return t('errors.status.404');
    if (error.status === 409) return t('errors.status.409');
    if (error.status === 413) return t('errors.status.413');
    if (error.status === 422) return t('errors.status.422');
    if (error.status === 423) return t('errors.codes.locked');
    if (error.status === 429)
      return minutes ? t('errors.codes.rate_limited_minutes', { count: minutes }) : t('errors.codes.rate_limited');
    if (error.status >= 500) return t('errors.status.500');
    return t('errors.generic');
  }
  return t('errors.generic');
}

export function isStatus(error: unknown, ...statuses: number[]): boolean {
  return error instanceof ApiError && statuses.includes(error.status);
}

/**
 * A 400 "validation" message names the field first ("username must be …"); this finds which of
 * the form's fields it is about, so the error can sit beside that field.
 */
export function fieldOf(error: unknown, fields: readonly string[]): string | undefined {
  if (!(error instanceof ApiError) || error.status !== 400) return undefined;
  const message = error.message;
  return fields.find((f) => message.startsWith(f) || message.includes(`${f}:`) || message.includes(` ${f} `));
}
