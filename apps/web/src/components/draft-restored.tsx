import { Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

/** Beside an editor whose text came back from this tab's storage: it was kept, and is not sent. */
export function DraftRestored() {
  const { t } = useTranslation();
  return (
    <Paragraph data-size="sm" className="muted" data-testid="draft-restored">
      {t('safety.draftRestored')}
    </Paragraph>
  );
}
