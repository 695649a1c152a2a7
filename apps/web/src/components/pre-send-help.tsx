import { Alert, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useAnnounce } from './announcer';
import { HelplineList } from './helplines';
import type { ScreeningResult } from '../features/reader-safety/types';

/** How long the writer pauses before the draft is looked at. */
const PAUSE_MS = 1200;
const MIN_CHARS = 8;

/**
 * Help before sending: when the writer pauses, the draft is checked (POST /api/screening/check:
 * nothing is stored or logged) and the helplines are shown if it suggests a crisis, with whether
 * anyone is on duty; a word that would stop the post, and personal details in an anonymous draft,
 * are pointed out. It never takes focus from the editor and says each new finding once, politely.
 * Without a network it shows nothing and the editor works as before (the help page works offline).
 */
export function PreSendHelp({ text, anonymous = false }: { text: string; anonymous?: boolean }) {
  const { t } = useTranslation();
  const say = useAnnounce();
  const [result, setResult] = useState<ScreeningResult | null>(null);
  const said = useRef('');

  useEffect(() => {
    const draft = text.trim();
    if (draft.length < MIN_CHARS) return;
    let live = true;
    const timer = window.setTimeout(() => {
      if (typeof navigator !== 'undefined' && navigator.onLine === false) return;
      api.post<ScreeningResult>('/api/screening/check', { text: draft.slice(0, 20_000) }).then(
        (r) => live && setResult(r),
        // Over the limit with a crisis draft the refusal still carries the helplines.
        (e: unknown) => {
          const body = (e as { body?: Partial<ScreeningResult> }).body;
          if (live && body?.support)
            setResult({ support: body.support, staffed: !!body.staffed, personalDetails: false });
        },
      );
    }, PAUSE_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [text]);

  // A draft cleared (sent, or emptied) shows nothing, whatever the last check said.
  const shown = text.trim().length >= MIN_CHARS ? result : null;
  const crisis = !!shown?.support?.length;
  const details = !!shown?.personalDetails && anonymous;
  const blocked = shown?.blockedWord;
  const summary = [
    crisis ? t('readerSafety.help.crisisSaid') : '',
    blocked ? t('readerSafety.help.blocked', { word: blocked }) : '',
    details ? t('readerSafety.help.details') : '',
  ]
    .filter(Boolean)
    .join(' ');
  useEffect(() => {
    if (summary && summary !== said.current) say(summary);
    said.current = summary;
  }, [summary, say]);

  if (!crisis && !details && !blocked) return null;
  return (
    <div className="pre-send-help" data-testid="pre-send-help">
      {crisis ? (
        <Alert data-color="info" className="block" data-testid="pre-send-crisis">
          <Heading level={3} data-size="2xs">
            {t('readerSafety.help.crisisHeading')}
          </Heading>
          <Paragraph>{t('readerSafety.help.crisisIntro')}</Paragraph>
          <HelplineList resources={shown!.support} />
          <Paragraph className="mt-2">
            {shown!.staffed ? t('readerSafety.help.staffed') : t('readerSafety.help.notStaffed')}{' '}
            <Link href="/hjelp">{t('readerSafety.help.more')}</Link>
          </Paragraph>
        </Alert>
      ) : null}
      {blocked ? (
        <Alert data-color="warning" className="block" data-testid="pre-send-blocked">
          <Paragraph>{t('readerSafety.help.blocked', { word: blocked })}</Paragraph>
        </Alert>
      ) : null}
      {details ? (
        <Alert data-color="warning" className="block" data-testid="pre-send-details">
          <Paragraph>{t('readerSafety.help.details')}</Paragraph>
        </Alert>
      ) : null}
    </div>
  );
}
