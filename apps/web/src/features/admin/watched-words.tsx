import { Button, Paragraph, Select, Table, Textfield } from '@digdir/designsystemet-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WATCHED_ACTIONS } from '#libs/contracts';
import { api } from '../../api/client';
import type { WatchedWord } from '../../api/types';
import { ErrorAlert, Loading } from '../../components/feedback';
import { LoadMoreButton, usePaged } from '../../components/load-more';
import { useSubmit } from '../../lib/use-submit';
import { LabelledSelect } from './fields';
import { useConfirm } from '../../components/announcer';

export function WatchedWords() {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const paged = usePaged<WatchedWord>('/api/admin/watched-words', 100);
  const { error, loading, reload } = paged;
  const words = paged.items;
  const [pattern, setPattern] = useState('');
  const [action, setAction] = useState('review');
  const [err, setErr] = useState<string | undefined>();
  const ref = useRef<HTMLInputElement>(null);
  const remove = useSubmit(async (word: WatchedWord) => {
    await api.delete(`/api/admin/watched-words/${word.id}`);
    confirm(t('admin.removed'));
    reload();
  });
  const add = useSubmit(async () => {
    await api.post('/api/admin/watched-words', { pattern: pattern.trim(), action });
    setPattern('');
    confirm(t('admin.saved'));
    reload();
  });
  const failure = remove.failure ?? add.failure;
  return (
    <>
      <Paragraph>{t('admin.words.intro')}</Paragraph>
      {loading ? <Loading /> : error ? <ErrorAlert error={error} retry={reload} announce={false} /> : null}
      {words.length ? (
        <div className="table-scroll">
          <Table data-size="sm" zebra>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('admin.words.pattern')}</Table.HeaderCell>
                <Table.HeaderCell>{t('admin.words.action')}</Table.HeaderCell>
                <Table.HeaderCell>
                  <span className="ds-sr-only">{t('admin.words.remove')}</span>
                </Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {words.map((w) => (
                <Table.Row key={w.id}>
                  <Table.Cell data-label={t('admin.words.pattern')}>{w.pattern}</Table.Cell>
                  <Table.Cell data-label={t('admin.words.action')}>{t(`admin.words.actions.${w.action}`)}</Table.Cell>
                  <Table.Cell>
                    <Button variant="tertiary" data-size="sm" disabled={remove.busy} onClick={() => void remove.run(w)}>
                      {t('admin.words.remove')} <span className="ds-sr-only">{w.pattern}</span>
                    </Button>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      ) : null}
      {paged.hasMore ? <LoadMoreButton onClick={() => void paged.loadMore()} loading={paged.loadingMore} /> : null}
      <form
        className="form admin-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          remove.reset();
          if (!pattern.trim()) {
            add.reset();
            setErr(t('admin.words.patternError'));
            ref.current?.focus();
            return;
          }
          setErr(undefined);
          void add.run();
        }}
      >
        <Textfield
          label={t('admin.words.pattern')}
          description={t('admin.words.patternHelp')}
          value={pattern}
          onChange={(e) => setPattern(e.target.value)}
          error={err}
          ref={ref as React.Ref<HTMLInputElement>}
        />
        <LabelledSelect id="word-action" label={t('admin.words.action')} value={action} onChange={setAction}>
          {WATCHED_ACTIONS.map((a) => (
            <Select.Option key={a} value={a}>
              {t(`admin.words.actions.${a}`)}
            </Select.Option>
          ))}
        </LabelledSelect>
        {failure ? <ErrorAlert error={failure} /> : null}
        <div>
          <Button type="submit" data-size="sm" disabled={add.busy}>
            {t('admin.words.add')}
          </Button>
        </div>
      </form>
    </>
  );
}
