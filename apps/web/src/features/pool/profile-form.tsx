import { Button, Checkbox, Fieldset, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { PanelProfile, PanelProfileInput, Perspective } from '../../api/types';
import { useConfirm } from '../../components/announcer';
import { ErrorAlert, Loading } from '../../components/feedback';
import { fieldOf } from '../../lib/errors';
import { useApi } from '../../lib/use-api';
import { useSubmit } from '../../lib/use-submit';
import { PerspectiveChoices } from './perspective-choices';

const FIELDS = ['perspectives', 'topics', 'pausedUntil', 'maxActiveAssignments'] as const;
type Field = (typeof FIELDS)[number];

function Form({ profile, onSaved }: { profile: PanelProfile; onSaved(p: PanelProfile): void }) {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const [perspectives, setPerspectives] = useState<Perspective[]>(profile.perspectives);
  const [topics, setTopics] = useState(profile.topics.join(', '));
  const [paused, setPaused] = useState(profile.paused);
  const [until, setUntil] = useState(profile.pausedUntil ?? '');
  const [max, setMax] = useState(String(profile.maxActiveAssignments));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});

  const save = useSubmit(
    async () => {
      const body: PanelProfileInput = {
        perspectives,
        topics: topics
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
        paused,
        pausedUntil: paused && until ? until : null,
        maxActiveAssignments: Number(max),
      };
      const saved = await api.patch<PanelProfile>('/api/me/panel-profile', body);
      onSaved(saved);
      confirm(saved.paused ? t('pool.profile.savedPaused') : t('pool.profile.saved'));
    },
    {
      onError: (error) => {
        const field = fieldOf(error, FIELDS) as Field | undefined;
        if (!field) return false;
        setErrors({ [field]: (error as Error).message });
        document.getElementById(`profile-${field}`)?.focus();
        return true;
      },
    },
  );

  function submit(e: FormEvent) {
    e.preventDefault();
    const n = Number(max);
    if (!Number.isInteger(n) || n < 1 || n > 10) {
      setErrors({ maxActiveAssignments: t('pool.profile.errors.max') });
      document.getElementById('profile-maxActiveAssignments')?.focus();
      return;
    }
    setErrors({});
    void save.run();
  }

  return (
    <form onSubmit={submit} noValidate className="form" data-testid="pool-profile">
      <Fieldset>
        <Fieldset.Legend>{t('pool.profile.perspectives')}</Fieldset.Legend>
        <PerspectiveChoices
          value={perspectives}
          onChange={setPerspectives}
          error={errors.perspectives}
          idOf={(_, i) => (i === 0 ? 'profile-perspectives' : undefined)}
        />
      </Fieldset>
      <Textfield
        id="profile-topics"
        label={t('pool.profile.topics')}
        description={t('pool.profile.topicsHelp')}
        value={topics}
        onChange={(e) => setTopics(e.target.value)}
        error={errors.topics}
      />
      <Textfield
        id="profile-maxActiveAssignments"
        label={t('pool.profile.max')}
        description={t('pool.profile.maxHelp')}
        type="number"
        inputMode="numeric"
        min={1}
        max={10}
        value={max}
        onChange={(e) => setMax(e.target.value)}
        error={errors.maxActiveAssignments}
      />
      <Fieldset>
        <Fieldset.Legend>{t('pool.profile.pause')}</Fieldset.Legend>
        <Fieldset.Description>{t('pool.profile.pauseHelp')}</Fieldset.Description>
        <Checkbox
          id="profile-paused"
          label={t('pool.profile.paused')}
          checked={paused}
          onChange={(e) => setPaused(e.target.checked)}
        />
        {paused ? (
          <Textfield
            id="profile-pausedUntil"
            label={t('pool.profile.pausedUntil')}
            description={t('pool.profile.pausedUntilHelp')}
            type="date"
            value={until}
            onChange={(e) => setUntil(e.target.value)}
            error={errors.pausedUntil}
          />
        ) : null}
      </Fieldset>
      {save.failure ? <ErrorAlert error={save.failure} /> : null}
      <div>
        <Button type="submit" disabled={save.busy} data-testid="save-pool-profile">
          {t('common.save')}
        </Button>
      </div>
    </form>
  );
}

/** A panel member's pool profile: what they bring, how much they want, and a pause. */
export function ProfileForm() {
  const profile = useApi<PanelProfile>('/api/me/panel-profile');
  if (profile.loading) return <Loading />;
  if (profile.error) return <ErrorAlert error={profile.error} retry={profile.reload} announce={false} />;
  if (!profile.data) return null;
  // A new answer (a pause from a check-in elsewhere) starts the form again from what is stored.
  const p = profile.data;
  return <Form key={JSON.stringify(p)} profile={p} onSaved={(saved) => profile.setData(saved)} />;
}
