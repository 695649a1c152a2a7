import { Button, Card, Checkbox, Heading, Select, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Category } from '../../api/types';
import { ErrorAlert, Loading } from '../../components/feedback';
import { fieldOf } from '../../lib/errors';
import { useApi } from '../../lib/use-api';
import { useSubmit } from '../../lib/use-submit';
import { CategoryTags } from '../../pages/home';
import { LabelledSelect } from './fields';
import { useConfirm } from '../../components/announcer';

/** A slug as the server takes it (CreateCategoryDto, CreateCafeRoomDto). */
export const SLUG = /^[a-z0-9-]{2,48}$/;

type CategoryFields = Pick<
  Category,
  'slug' | 'name' | 'description' | 'visibility' | 'moderation' | 'allowAnonymous' | 'allowGuests'
>;

const EMPTY_CATEGORY: CategoryFields = {
  slug: '',
  name: '',
  description: '',
  visibility: 'open',
  moderation: 'post',
  allowAnonymous: false,
  allowGuests: false,
};

function CategoryForm({ initial, onSaved, onCancel }: { initial?: Category; onSaved(): void; onCancel?(): void }) {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const [v, setV] = useState<CategoryFields>(
    initial
      ? {
          slug: initial.slug,
          name: initial.name,
          description: initial.description,
          visibility: initial.visibility,
          moderation: initial.moderation,
          allowAnonymous: initial.allowAnonymous,
          allowGuests: initial.allowGuests,
        }
      : EMPTY_CATEGORY,
  );
  const [errors, setErrors] = useState<{ slug?: string; name?: string }>({});
  const idp = initial ? `cat-${initial.slug}` : 'cat-new';
  const save = useSubmit(
    async () => {
      if (initial) {
        const { slug: _slug, ...rest } = v;
        await api.patch(`/api/categories/${initial.slug}`, rest);
      } else await api.post('/api/categories', v);
      confirm(t('admin.saved'));
      onSaved();
      if (!initial) setV(EMPTY_CATEGORY);
    },
    {
      onError: (err) => {
        const f = fieldOf(err, ['slug', 'name']);
        if (f) setErrors({ [f]: t(`admin.categories.${f}Error`) });
        return !!f;
      },
    },
  );
  function submit(e: FormEvent) {
    e.preventDefault();
    const errs: typeof errors = {};
    if (!SLUG.test(v.slug)) errs.slug = t('admin.categories.slugError');
    if (!v.name.trim()) errs.name = t('admin.categories.nameError');
    setErrors(errs);
    save.reset();
    if (errs.slug || errs.name) return;
    void save.run();
  }
  return (
    <form onSubmit={submit} noValidate className="form admin-form">
      {!initial ? (
        <Textfield
          id={`${idp}-slug`}
          label={t('admin.categories.slug')}
          description={t('admin.categories.slugHelp')}
          value={v.slug}
          onChange={(e) => setV({ ...v, slug: e.target.value })}
          error={errors.slug}
        />
      ) : null}
      <Textfield
        id={`${idp}-name`}
        label={t('admin.categories.name')}
        value={v.name}
        onChange={(e) => setV({ ...v, name: e.target.value })}
        error={errors.name}
      />
      <Textfield
        id={`${idp}-description`}
        multiline
        rows={2}
        label={t('admin.categories.description')}
        value={v.description}
        onChange={(e) => setV({ ...v, description: e.target.value })}
      />
      <LabelledSelect
        id={`${idp}-visibility`}
        label={t('admin.categories.visibility')}
        value={v.visibility}
        onChange={(x) => setV({ ...v, visibility: x as CategoryFields['visibility'] })}
      >
        <Select.Option value="open">{t('category.open')}</Select.Option>
        <Select.Option value="closed">{t('category.closed')}</Select.Option>
      </LabelledSelect>
      <LabelledSelect
        id={`${idp}-moderation`}
        label={t('admin.categories.moderation')}
        value={v.moderation}
        onChange={(x) => setV({ ...v, moderation: x as CategoryFields['moderation'] })}
      >
        <Select.Option value="post">{t('admin.categories.post')}</Select.Option>
        <Select.Option value="pre">{t('admin.categories.pre')}</Select.Option>
      </LabelledSelect>
      <Checkbox
        label={t('admin.categories.allowAnonymous')}
        checked={v.allowAnonymous}
        onChange={(e) => setV({ ...v, allowAnonymous: e.target.checked })}
      />
      <Checkbox
        label={t('admin.categories.allowGuests')}
        checked={v.allowGuests}
        onChange={(e) => setV({ ...v, allowGuests: e.target.checked })}
      />
      {save.failure ? <ErrorAlert error={save.failure} /> : null}
      <div className="button-row">
        <Button type="submit" variant={initial ? 'secondary' : 'primary'} data-size="sm" disabled={save.busy}>
          {initial ? t('common.save') : t('admin.categories.create')}
        </Button>
        {onCancel ? (
          <Button type="button" variant="tertiary" data-size="sm" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}

export function Categories() {
  const { t } = useTranslation();
  const { data, error, loading, reload } = useApi<Category[]>('/api/categories');
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <>
      {loading ? <Loading /> : error ? <ErrorAlert error={error} retry={reload} announce={false} /> : null}
      <ul className="admin-list">
        {data?.map((c) => (
          <li key={c.id}>
            <Card data-color="neutral">
              <Heading level={3} data-size="2xs">
                {c.name} <span className="muted">/{c.slug}</span>
              </Heading>
              <CategoryTags category={c} />
              {editing === c.slug ? (
                <CategoryForm
                  initial={c}
                  onSaved={() => {
                    setEditing(null);
                    reload();
                  }}
                  onCancel={() => setEditing(null)}
                />
              ) : (
                <Button variant="tertiary" data-size="sm" onClick={() => setEditing(c.slug)}>
                  {t('admin.edit')} <span className="ds-sr-only">{c.name}</span>
                </Button>
              )}
            </Card>
          </li>
        ))}
      </ul>
      <Heading level={3} data-size="xs" className="mt-4">
        {t('admin.categories.new')}
      </Heading>
      <CategoryForm onSaved={reload} />
    </>
  );
}
