import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useConfirmation } from './announcer';

const SHOWN_MS = 8_000;

/**
 * The last confirmation, at the bottom of the screen where it doesn't push the page about: gone
 * after a few seconds or when closed. Screen readers heard it already through the live region.
 */
export function Confirmation() {
  const { t } = useTranslation();
  const { shown, close } = useConfirmation();
  useEffect(() => {
    if (!shown) return;
    const timer = window.setTimeout(close, SHOWN_MS);
    return () => window.clearTimeout(timer);
  }, [shown, close]);
  if (!shown) return null;
  return (
    <div className="confirmation" data-testid="confirmation">
      <Alert data-color="success" data-size="sm">
        <div className="confirmation-row">
          <Paragraph data-size="sm">{shown}</Paragraph>
          <Button variant="tertiary" data-size="sm" onClick={close}>
            {t('common.close')}
          </Button>
        </div>
      </Alert>
    </div>
  );
}
