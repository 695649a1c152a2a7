import { Heading, Switch } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { ModStats } from '../../api/types';
import { useAnnounce } from '../../components/announcer';
import { ErrorAlert } from '../../components/feedback';
import { formatDuration } from '../../lib/format';
import { useSubmit } from '../../lib/use-submit';

/** The duty switch and what waits: the queue's figures and who is on duty now. */
export function DutyAndStats({ stats, onDutyChange }: { stats: ModStats | undefined; onDutyChange(): void }) {
  const { t, i18n } = useTranslation();
  const say = useAnnounce();
  const [onDuty, setOnDuty] = useState(false);
  const duty = useSubmit(async (value: boolean) => {
    await api.post('/api/mod/duty', { onDuty: value });
    setOnDuty(value);
    say(value ? t('mod.nowOnDuty') : t('mod.nowOffDuty'));
    onDutyChange();
  });
  const onDutyNames = stats?.onDuty.map((m) => m.displayName || m.username) ?? [];
  return (
    <section aria-labelledby="duty-h" className="section">
      <Heading level={2} id="duty-h" data-size="sm">
        {t('mod.dutyHeading')}
      </Heading>
      <Switch
        label={t('mod.onDutySwitch')}
        description={t('mod.onDutyHelp')}
        checked={onDuty}
        onChange={(e) => void duty.run(e.target.checked)}
      />
      {duty.failure ? <ErrorAlert error={duty.failure} /> : null}
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
