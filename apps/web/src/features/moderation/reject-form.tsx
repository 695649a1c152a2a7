import { Button, Fieldset, Radio, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CANNED_REJECTION_REASONS, type CannedReasonCode } from '#libs/contracts';

/**
 * Why an item is rejected, told to its author: one of the canned reasons (libs/contracts, the
 * same list GET /api/mod/reasons serves) or the moderator's own words. A canned reason is shown
 * to the moderator in their language and sent as its text, which the author is told.
 */
export function RejectForm({
  itemId,
  submitLabel,
  busy,
  onSubmit,
  onCancel,
}: {
  itemId: string;
  submitLabel: string;
  busy: boolean;
  onSubmit(reason: string): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const [canned, setCanned] = useState<CannedReasonCode | 'free' | ''>('');
  const [free, setFree] = useState('');
  const [error, setError] = useState<string | undefined>();

  function submit(e: FormEvent) {
    e.preventDefault();
    const chosen = CANNED_REJECTION_REASONS.find((r) => r.code === canned);
    const reason = chosen ? chosen.text : free.trim();
    if (!reason) return setError(t('common.reasonRequired'));
    setError(undefined);
    onSubmit(reason);
  }

  return (
    <form className="inline-form" onSubmit={submit} noValidate>
      <Fieldset>
        <Fieldset.Legend>{t('mod.rejectLegend')}</Fieldset.Legend>
        <Fieldset.Description>{t('mod.rejectHelp')}</Fieldset.Description>
        {CANNED_REJECTION_REASONS.map(({ code }) => (
          <Radio
            key={code}
            name={`canned-${itemId}`}
            value={code}
            label={t(`mod.canned.${code}`)}
            checked={canned === code}
            onChange={() => setCanned(code)}
          />
        ))}
        <Radio
          name={`canned-${itemId}`}
          value="free"
          label={t('mod.cannedFree')}
          checked={canned === 'free'}
          onChange={() => setCanned('free')}
        />
      </Fieldset>
      {canned === 'free' || !canned ? (
        <Textfield
          label={t('mod.freeReason')}
          value={free}
          onChange={(e) => setFree(e.target.value)}
          error={error}
          maxLength={500}
        />
      ) : null}
      <div className="button-row">
        <Button type="submit" data-size="sm" data-color="danger" disabled={busy}>
          {submitLabel}
        </Button>
        <Button type="button" variant="secondary" data-size="sm" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
