import { Button, Dialog, Heading, Paragraph, Switch } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModStats } from '../../api/types';
import { useAnnounce } from '../../components/announcer';
import { ErrorAlert } from '../../components/feedback';
import { refreshDuty, setDuty, useDuty } from '../../lib/duty';
import { formatDateTime, formatDuration } from '../../lib/format';
import { useSubmit } from '../../lib/use-submit';
import { useSession } from '../../session';

/** Going off duty asks first: writers in crisis are then told nobody is there. */
function ConfirmOffDuty({ open, onConfirm, onCancel }: { open: boolean; onConfirm(): void; onCancel(): void }) {
  const { t } = useTranslation();
  return (
    <Dialog
      open={open}
      onClose={onCancel}
      closeButton={t('safety.close')}
      aria-labelledby="off-duty-h"
      data-testid="confirm-off-duty"
    >
      <Dialog.Block>
        <Heading level={2} id="off-duty-h" data-size="xs">
          {t('safety.confirmOffHeading')}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>
        <Paragraph>{t('safety.confirmOffText')}</Paragraph>
        <div className="button-row mt-2">
          <Button data-color="danger" onClick={onConfirm} data-testid="confirm-off-duty-yes">
            {t('safety.confirmOff')}
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            {t('safety.stayOnDuty')}
          </Button>
        </div>
      </Dialog.Block>
    </Dialog>
  );
}

/** The duty switch (what the server says, after every load) and what waits: the queue's figures and who is on duty now. */
export function DutyAndStats({ stats, onDutyChange }: { stats: ModStats | undefined; onDutyChange(): void }) {
  const { t, i18n } = useTranslation();
  const say = useAnnounce();
  const { user } = useSession();
  const userId = user?.id ?? null;
  const duty = useDuty(userId);
  const [asking, setAsking] = useState(false);
  const switchRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (userId) void refreshDuty(userId);
  }, [userId]);
  const change = useSubmit(async (value: boolean) => {
    const answer = await setDuty(value);
    say(answer.onDuty ? t('mod.nowOnDuty') : t('mod.nowOffDuty'));
    onDutyChange();
  });
  const closeDialog = () => {
    setAsking(false);
    switchRef.current?.focus();
  };
  const onDutyNames = stats?.onDuty.map((m) => m.displayName || m.username) ?? [];
  return (
    <section aria-labelledby="duty-h" className="section">
      <Heading level={2} id="duty-h" data-size="sm">
        {t('mod.dutyHeading')}
      </Heading>
      <Switch
        ref={switchRef}
        label={t('mod.onDutySwitch')}
        description={
          duty?.onDuty && duty.until
            ? `${t('mod.onDutyHelp')} ${t('safety.onDutyUntil', { time: formatDateTime(duty.until, i18n.language) })}`
            : t('mod.onDutyHelp')
        }
        checked={duty?.onDuty ?? false}
        disabled={duty === null || change.busy}
        data-testid="duty-switch"
        onChange={(e) => {
          if (e.target.checked) void change.run(true);
          else setAsking(true);
        }}
      />
      {duty === null ? (
        <Paragraph data-size="sm" className="muted">
          {t('safety.dutyUnknown')}
        </Paragraph>
      ) : null}
      <ConfirmOffDuty
        open={asking}
        onCancel={closeDialog}
        onConfirm={() => {
          closeDialog();
          void change.run(false);
        }}
      />
      {change.failure ? <ErrorAlert error={change.failure} /> : null}
      {stats ? (
        <dl className="stats" data-testid="mod-stats">
          <div className={stats.crisisPending > 0 ? 'stat stat-crisis' : 'stat'}>
            <dt>{t('mod.stats.crisisPending')}</dt>
            <dd>{stats.crisisPending}</dd>
          </div>
          <div className="stat">
            <dt>{t('mod.stats.pending')}</dt>
            <dd>{stats.pending}</dd>
          </div>
          <div className="stat">
            <dt>{t('mod.stats.flagsOpen')}</dt>
            <dd>{stats.flagsOpen}</dd>
          </div>
          <div className="stat">
            <dt>{t('mod.stats.oldest')}</dt>
            <dd>{formatDuration(stats.oldestWaitingSeconds, i18n.language)}</dd>
          </div>
          <div className="stat">
            <dt>{t('mod.stats.median')}</dt>
            <dd>{formatDuration(stats.medianWaitSeconds, i18n.language)}</dd>
          </div>
          <div className="stat">
            <dt>{t('mod.stats.onDuty')}</dt>
            <dd>{onDutyNames.length ? onDutyNames.join(', ') : t('mod.nobodyOnDuty')}</dd>
          </div>
        </dl>
      ) : null}
    </section>
  );
}
