import { Button, Checkbox, Fieldset, Heading, Radio, Textfield } from '@digdir/designsystemet-react';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { CheckinReceipt, MyAssignment } from '../../api/types';
import { useConfirm } from '../../components/announcer';
import { CrisisSupport } from '../../components/helplines';
import { NotSentAlert } from '../../components/not-sent';
import { PreSendHelp } from '../../components/pre-send-help';
import { useSubmit } from '../../lib/use-submit';

const LOADS = [1, 2, 3, 4, 5] as const;

/** How heavy it is now (1–5 in words), a note only the coordinator reads, and asking for a pause. */
export function CheckinForm({ assignment, onSent }: { assignment: MyAssignment; onSent(): void }) {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const id = assignment.id;
  const final = assignment.finalCheckinDue;
  const [load, setLoad] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const [wantPause, setWantPause] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [help, setHelp] = useState<CheckinReceipt | null>(null);
  const first = useRef<HTMLInputElement>(null);

  const send = useSubmit(async () => {
    const receipt = await api.post<CheckinReceipt>(`/api/me/assignments/${id}/checkins`, {
      load,
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(wantPause && !final ? { wantPause: true } : {}),
    });
    confirm(receipt.handedOver ? t('pool.checkin.handedOver') : t('pool.checkin.sent', { title: assignment.title }));
    setHelp(receipt.support ? receipt : null);
    setLoad(null);
    setNote('');
    setWantPause(false);
    onSent();
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    if (load === null) {
      setError(t('pool.checkin.chooseLoad'));
      first.current?.focus();
      return;
    }
    setError(undefined);
    void send.run();
  }

  return (
    <>
      {help?.support ? <CrisisSupport resources={help.support} staffed={help.staffed} headingLevel={3} /> : null}
      <form onSubmit={submit} noValidate className="inline-form" data-testid="checkin-form">
        <Heading level={4} data-size="2xs">
          {final ? t('pool.checkin.finalHeading') : t('pool.checkin.heading')}
        </Heading>
        <Fieldset>
          <Fieldset.Legend>{t('pool.checkin.load')}</Fieldset.Legend>
          {LOADS.map((n, i) => (
            <Radio
              key={n}
              ref={i === 0 ? first : undefined}
              name={`load-${id}`}
              value={String(n)}
              label={`${n} – ${t(`pool.load.${n}`)}`}
              checked={load === n}
              onChange={() => {
                setLoad(n);
                setError(undefined);
              }}
              error={i === LOADS.length - 1 ? error : undefined}
            />
          ))}
        </Fieldset>
        <Textfield
          label={final ? t('pool.checkin.finalNote') : t('pool.checkin.note')}
          description={t('pool.checkin.noteHelp')}
          multiline
          rows={3}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          maxLength={2000}
        />
        <PreSendHelp text={note} />
        {final ? null : (
          <Checkbox
            label={t('pool.checkin.wantPause')}
            description={
              assignment.role === 'primary' ? t('pool.checkin.wantPauseHelp') : t('pool.checkin.wantPauseHelpBackup')
            }
            checked={wantPause}
            onChange={(e) => setWantPause(e.target.checked)}
            data-testid="want-pause"
          />
        )}
        {send.failure ? <NotSentAlert error={send.failure} /> : null}
        <div>
          <Button type="submit" data-size="sm" disabled={send.busy} data-testid="send-checkin">
            {t('pool.checkin.send')}
          </Button>
        </div>
      </form>
    </>
  );
}
