import { Button, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnounce } from '../../components/announcer';
import type { Collapsed } from './types';
import { useContentWarnings, warningLabel } from './use-warnings';

/** The warning a post or thread carries, named in the reader's language. */
export function WarningTag({ code }: { code: string | null | undefined }) {
  const { t, i18n } = useTranslation();
  const list = useContentWarnings();
  if (!code) return null;
  return (
    <Tag data-color="warning" data-size="sm" className="warning-tag" data-testid="warning-tag">
      {t('readerSafety.warning', { label: warningLabel(list, code, i18n.language) })}
    </Tag>
  );
}

/** Why it is folded, in words. */
export function useFoldedReason(collapsed: Collapsed | undefined): string {
  const { t, i18n } = useTranslation();
  const list = useContentWarnings();
  if (!collapsed) return '';
  if (collapsed.reason === 'warning')
    return t('readerSafety.folded.warning', { label: warningLabel(list, collapsed.warning ?? '', i18n.language) });
  return t(`readerSafety.folded.${collapsed.reason}`);
}

/**
 * A post the reader's filters fold: a calm line saying why, and "show anyway" (a real button,
 * reachable by keyboard, its state told to screen readers) that opens it in place.
 */
export function Folded({ collapsed, children }: { collapsed: Collapsed | undefined; children: ReactNode }) {
  const { t } = useTranslation();
  const say = useAnnounce();
  const [open, setOpen] = useState(false);
  const id = useId();
  const reason = useFoldedReason(collapsed);
  if (!collapsed) return <>{children}</>;
  return (
    <div className="folded" data-testid="folded" data-open={open || undefined}>
      <div className="folded-bar">
        <Paragraph data-size="sm" className="muted" id={`${id}-why`}>
          {reason}
        </Paragraph>
        <Button
          variant="tertiary"
          data-size="sm"
          aria-expanded={open}
          aria-controls={`${id}-body`}
          aria-describedby={`${id}-why`}
          data-testid="show-anyway"
          onClick={() => {
            setOpen((v) => !v);
            say(open ? t('readerSafety.folded.hidden') : t('readerSafety.folded.shown'));
          }}
        >
          {open ? t('readerSafety.folded.hide') : t('readerSafety.folded.show')}
        </Button>
      </div>
      <div id={`${id}-body`} hidden={!open}>
        {children}
      </div>
    </div>
  );
}
