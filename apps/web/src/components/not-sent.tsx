import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import type { SupportResource } from '../api/types';
import { errorText } from '../lib/errors';
import { useAnnounce } from './announcer';
import { CrisisSupport } from './helplines';

/** The helplines a refusal carries (`support` and `staffed` on a 4xx: docs/decisions/0018), if any. */
export function supportOf(error: unknown): { resources: SupportResource[]; staffed: boolean } | null {
  if (!(error instanceof ApiError) || !Array.isArray(error.body.support)) return null;
  return { resources: error.body.support as SupportResource[], staffed: error.body.staffed === true };
}

/**
 * A write that did not go through (over a limit, muted, a locked thread, a blocked word, no
 * network): why, that the text is still in the editor, and the crisis help when the refusal
 * carries it (then on screen and focused). `reasonShown`: the reason already stands beside the field.
 */
export function NotSentAlert({ error, reasonShown = false }: { error: unknown; reasonShown?: boolean }) {
  const { t } = useTranslation();
  const say = useAnnounce();
  const support = supportOf(error);
  const reason = errorText(t, error);
  const text = reasonShown ? t('safety.keptPost') : `${reason} ${t('safety.keptPost')}`;
  const helped = support !== null;
  useEffect(() => {
    // Each refusal is said, also when its words are the same as the last one's; with the help
    // shown, focus is on its heading and this follows it politely.
    if (error) say(text, helped ? 'polite' : 'assertive');
  }, [error, say, helped, text]);
  return (
    <>
      {support ? (
        <CrisisSupport
          resources={support.resources}
          staffed={support.staffed}
          refused
          revision={error}
          headingLevel={3}
        />
      ) : null}
      <Alert data-color="danger" className="block" data-testid="not-sent">
        <Heading level={3} data-size="2xs">
          {t('safety.notSentHeading')}
        </Heading>
        {reasonShown ? null : <Paragraph>{reason}</Paragraph>}
        <Paragraph>{t('safety.keptPost')}</Paragraph>
      </Alert>
    </>
  );
}
