import { Button, Fieldset, Radio, Textfield } from '@digdir/designsystemet-react';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SANCTION_KINDS, type FlagReason, type SanctionKind } from '#libs/contracts';
import { api } from '../api/client';
import type { SanctionTarget } from '../api/types';
import { useSubmit } from '../lib/use-submit';
import { useSession } from '../session';
import { useFocusOnMount } from './load-more';
import { ErrorAlert } from './feedback';
import { useConfirm } from './announcer';

/**
 * Report a post with one of the reasons the post says the caller may use (`flagReasons`): members
 * any, guests and muted members only "someone seems to be in danger".
 */
export function FlagForm({
  postId,
  reasons,
  onDone,
  onCancel,
}: {
  postId: string;
  reasons: readonly FlagReason[];
  onDone(): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const { user } = useSession();
  const confirm = useConfirm();
  const onlyCrisis = reasons.length === 1 && reasons[0] === 'crisis';
  const [reason, setReason] = useState<string>(reasons.length === 1 ? reasons[0] : '');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | undefined>();
  const firstRadio = useRef<HTMLInputElement>(null);
  const send = useSubmit(async () => {
    await api.post(`/api/posts/${postId}/flags`, note.trim() ? { reason, note: note.trim() } : { reason });
    confirm(t('flag.sent'));
    onDone();
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!reason) {
      setError(t('flag.chooseReason'));
      firstRadio.current?.focus();
      return;
    }
    void send.run();
  }

  return (
    <form onSubmit={submit} noValidate className="inline-form">
      <Fieldset>
        <Fieldset.Legend>{t('flag.legend')}</Fieldset.Legend>
        {onlyCrisis ? (
          <Fieldset.Description>{t(user ? 'flag.mutedOnlyCrisis' : 'flag.guestOnlyCrisis')}</Fieldset.Description>
        ) : null}
        {reasons.map((r, i) => (
          <Radio
            key={r}
            ref={i === 0 ? firstRadio : undefined}
            name={`flag-${postId}`}
            value={r}
            label={t(`flag.reasons.${r}`)}
            checked={reason === r}
            onChange={() => {
              setReason(r);
              setError(undefined);
            }}
            error={i === reasons.length - 1 ? error : undefined}
          />
        ))}
      </Fieldset>
      <Textfield
        label={t('flag.note')}
        description={t('flag.noteHelp')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        maxLength={500}
      />
      {send.failure ? <ErrorAlert error={send.failure} /> : null}
      <div className="button-row">
        <Button type="submit" disabled={send.busy}>
          {t('flag.submit')}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

/** A reason, required: used to hide a post, reject an item, or reveal an author. */
export function ReasonForm({
  label,
  submitLabel,
  onSubmit,
  onCancel,
  danger,
}: {
  label: string;
  submitLabel: string;
  onSubmit(reason: string): Promise<void>;
  onCancel(): void;
  danger?: boolean;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const ref = useFocusOnMount<HTMLInputElement>();
  const send = useSubmit(() => onSubmit(reason.trim()));
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!reason.trim()) {
      setError(t('common.reasonRequired'));
      ref.current?.focus();
      return;
    }
    void send.run();
  }
  return (
    <form onSubmit={submit} noValidate className="inline-form">
      <Textfield
        label={label}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={error}
        ref={ref as React.Ref<HTMLInputElement>}
        maxLength={500}
      />
      {send.failure ? <ErrorAlert error={send.failure} /> : null}
      <div className="button-row">
        <Button type="submit" disabled={send.busy} data-color={danger ? 'danger' : undefined}>
          {submitLabel}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

/** Warn, mute or ban the person behind a post or café message, without learning who it is. */
export function SanctionForm({
  target,
  onDone,
  onCancel,
}: {
  target: SanctionTarget;
  onDone(): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const [kind, setKind] = useState<SanctionKind>('warn');
  const [hours, setHours] = useState('24');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ reason?: string; hours?: string }>({});
  const reasonRef = useRef<HTMLInputElement>(null);
  const hoursRef = useRef<HTMLInputElement>(null);
  const send = useSubmit(async (until: string | undefined) => {
    await api.post('/api/mod/sanctions', { target, kind, reason: reason.trim(), ...(until ? { until } : {}) });
    confirm(t('sanction.done'));
    onDone();
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    const next: typeof errors = {};
    if (!reason.trim()) next.reason = t('common.reasonRequired');
    const h = Number(hours);
    if (kind !== 'warn' && hours.trim() !== '' && (!Number.isFinite(h) || h <= 0))
      next.hours = t('sanction.hoursInvalid');
    setErrors(next);
    if (next.hours) return hoursRef.current?.focus();
    if (next.reason) return reasonRef.current?.focus();
    void send.run(
      kind !== 'warn' && hours.trim() !== '' ? new Date(Date.now() + h * 3600_000).toISOString() : undefined,
    );
  }

  return (
    <form onSubmit={submit} noValidate className="inline-form">
      <Fieldset>
        <Fieldset.Legend>{t('sanction.legend')}</Fieldset.Legend>
        <Fieldset.Description>{t('sanction.anonymousNote')}</Fieldset.Description>
        {SANCTION_KINDS.map((k) => (
          <Radio
            key={k}
            name="sanction-kind"
            value={k}
            label={t(`sanction.kinds.${k}`)}
            checked={kind === k}
            onChange={() => setKind(k)}
          />
        ))}
      </Fieldset>
      {kind !== 'warn' ? (
        <Textfield
          label={t('sanction.hours')}
          description={t('sanction.hoursHelp')}
          type="number"
          min={1}
          inputMode="numeric"
          value={hours}
          onChange={(e) => setHours(e.target.value)}
          error={errors.hours}
          ref={hoursRef as React.Ref<HTMLInputElement>}
        />
      ) : null}
      <Textfield
        label={t('sanction.reason')}
        description={t('sanction.reasonHelp')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={errors.reason}
        ref={reasonRef as React.Ref<HTMLInputElement>}
        maxLength={500}
      />
      {send.failure ? <ErrorAlert error={send.failure} /> : null}
      <div className="button-row">
        <Button type="submit" disabled={send.busy} data-color="danger">
          {t('sanction.submit')}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
