import { Button, Checkbox, Fieldset, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAnnounce } from '../../components/announcer';
import { ErrorAlert, Loading } from '../../components/feedback';
import { useApi } from '../../lib/use-api';
import { useSubmit } from '../../lib/use-submit';
import type { Preferences } from './types';
import { useContentWarnings, warningLabel } from './use-warnings';

const MAX_WORDS = 50;

function Form({ initial, onSaved }: { initial: Preferences; onSaved(p: Preferences): void }) {
  const { t, i18n } = useTranslation();
  const say = useAnnounce();
  const list = useContentWarnings();
  const [hide, setHide] = useState<string[]>(initial.hideWarnings);
  const [all, setAll] = useState(initial.collapseAllWarnings);
  const [words, setWords] = useState(initial.muteWords.join(', '));
  const save = useSubmit(async () => {
    const muteWords = words
      .split(/[,\n]/)
      .map((w) => w.trim())
      .filter(Boolean);
    const saved = await api.patch<Preferences>('/api/me/preferences', {
      hideWarnings: hide,
      collapseAllWarnings: all,
      muteWords,
    });
    setWords(saved.muteWords.join(', '));
    onSaved(saved);
    say(t('readerSafety.filters.saved'));
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    void save.run();
  }
  return (
    <form onSubmit={submit} noValidate className="form" data-testid="filters-form">
      <Fieldset>
        <Fieldset.Legend>{t('readerSafety.filters.warningsLegend')}</Fieldset.Legend>
        <Fieldset.Description>{t('readerSafety.filters.warningsHelp')}</Fieldset.Description>
        <Checkbox
          label={t('readerSafety.filters.all')}
          checked={all}
          onChange={(e) => setAll(e.target.checked)}
          name="collapseAll"
          data-testid="collapse-all"
        />
        {list.map((w) => (
          <Checkbox
            key={w.code}
            label={warningLabel(list, w.code, i18n.language)}
            checked={all || hide.includes(w.code)}
            disabled={all}
            onChange={(e) => setHide((h) => (e.target.checked ? [...h, w.code] : h.filter((c) => c !== w.code)))}
            name={`hide-${w.code}`}
          />
        ))}
      </Fieldset>
      <Textfield
        multiline
        rows={3}
        label={t('readerSafety.filters.wordsLabel')}
        description={t('readerSafety.filters.wordsHelp', { max: MAX_WORDS })}
        value={words}
        onChange={(e) => setWords(e.target.value)}
        name="muteWords"
        data-testid="mute-words"
      />
      {save.failure ? <ErrorAlert error={save.failure} /> : null}
      <div>
        <Button type="submit" disabled={save.busy} data-testid="save-filters">
          {t('readerSafety.filters.save')}
        </Button>
      </div>
    </form>
  );
}

/** The reader's own filters: warnings to fold, every warning, mute words. */
export function FiltersForm() {
  const { t } = useTranslation();
  const { data, error, loading, reload, setData } = useApi<Preferences>('/api/me/preferences');
  if (loading) return <Loading />;
  if (error || !data) return <ErrorAlert error={error} retry={reload} />;
  return (
    <>
      <Paragraph>{t('readerSafety.filters.lead')}</Paragraph>
      <Form initial={data} onSaved={setData} />
    </>
  );
}
