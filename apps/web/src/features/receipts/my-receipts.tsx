import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../lib/format';
import { forgetReceipt, storedReceipts } from './stored-receipts';

/** "Mine kvitteringer": the receipts kept in this browser, newest first. */
export function MyReceipts({ current, headingLevel = 2 }: { current?: string; headingLevel?: 2 | 3 }) {
  const { t, i18n } = useTranslation();
  const [list, setList] = useState(storedReceipts);
  const others = list.filter((r) => r.token !== current);
  return (
    <section className="mt-6" aria-labelledby="my-receipts" data-testid="my-receipts">
      <Heading level={headingLevel} data-size="xs" id="my-receipts">
        {t('receipts.mine')}
      </Heading>
      {others.length === 0 ? (
        <Paragraph className="muted">{current ? t('receipts.noOthers') : t('receipts.none')}</Paragraph>
      ) : (
        <>
          <Paragraph className="muted">{t('receipts.mineLead')}</Paragraph>
          <ul className="plain-list">
            {others.map((r) => (
              <li key={r.token} className="mt-2">
                <Link to={`/kvittering/${encodeURIComponent(r.token)}`} className="ds-link">
                  {r.title || t('receipts.untitled')}
                </Link>{' '}
                <span className="muted">
                  {formatDateTime(r.at, i18n.language)}
                  {r.code ? ` · ${t('receipts.codeShort', { code: r.code })}` : ''}
                </span>{' '}
                <Button
                  variant="tertiary"
                  data-size="sm"
                  onClick={() => {
                    forgetReceipt(r.token);
                    setList(storedReceipts());
                  }}
                  aria-label={t('receipts.forgetOne', { title: r.title || t('receipts.untitled') })}
                >
                  {t('receipts.forget')}
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
