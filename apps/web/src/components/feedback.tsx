import { Alert, Button, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../lib/errors';
import { useAnnounce } from './announcer';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="loading">
      <Spinner aria-label={label ?? t('common.loading')} data-size="md" />
    </div>
  );
}

/** An error from an API call, shown and announced; optionally with a retry button. */
export function ErrorAlert({
  error,
  retry,
  announce = true,
}: {
  error: unknown;
  retry?: () => void;
  announce?: boolean;
}) {
  const { t } = useTranslation();
  const say = useAnnounce();
  // Something that failed to load is said calmly; something the user did that failed, clearly.
  const text = announce ? errorText(t, error) : t('errors.loadFailed');
  useEffect(() => {
    // Each new error is announced, even when its text is the same as the last one's.
    if (announce && error) say(text, 'assertive');
  }, [text, announce, say, error]);
  return (
    <Alert data-color={announce ? 'danger' : 'info'} className="block">
      <Paragraph>{text}</Paragraph>
      {retry ? (
        <Button variant="secondary" data-size="sm" onClick={retry} className="mt-2">
          {t('common.retry')}
        </Button>
      ) : null}
    </Alert>
  );
}

/** A success or info message that is also announced politely. */
export function StatusAlert({
  children,
  color = 'success',
  message,
}: {
  children?: React.ReactNode;
  color?: 'success' | 'info' | 'warning';
  message: string;
}) {
  const say = useAnnounce();
  useEffect(() => {
    say(message);
  }, [message, say]);
  return (
    <Alert data-color={color} className="block">
      <Paragraph>{message}</Paragraph>
      {children}
    </Alert>
  );
}
