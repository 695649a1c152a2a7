import { Button, Card, Heading, Select, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CAFE_AUDIENCES, type CafeAudience } from '#libs/contracts';
import { api } from '../../api/client';
import type { CafeRoom } from '../../api/types';
import { ErrorAlert, Loading } from '../../components/feedback';
import { useApi } from '../../lib/use-api';
import { useSubmit } from '../../lib/use-submit';
import { RoomState } from '../../pages/home';
import { RoomControls } from '../cafe/room-controls';
import { SLUG } from './categories';
import { LabelledSelect } from './fields';
import { useConfirm } from '../../components/announcer';

interface NewRoom {
  slug: string;
  name: string;
  description: string;
  audience: CafeAudience;
}

const EMPTY_ROOM: NewRoom = { slug: '', name: '', description: '', audience: 'everyone' };

export function Rooms() {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const { data, error, loading, reload } = useApi<CafeRoom[]>('/api/cafe/rooms');
  const [v, setV] = useState<NewRoom>(EMPTY_ROOM);
  const [errors, setErrors] = useState<{ slug?: string; name?: string }>({});
  const create = useSubmit(async () => {
    await api.post('/api/cafe/rooms', v);
    confirm(t('admin.saved'));
    setV(EMPTY_ROOM);
    reload();
  });
  return (
    <>
      {loading ? <Loading /> : error ? <ErrorAlert error={error} retry={reload} announce={false} /> : null}
      <ul className="admin-list">
        {data?.map((r) => (
          <li key={r.slug}>
            <Card data-color="neutral">
              <Heading level={3} data-size="2xs">
                {r.name}
              </Heading>
              <RoomState room={r} />
              <RoomControls room={r} onChanged={reload} headingLevel={4} />
            </Card>
          </li>
        ))}
      </ul>
      <Heading level={3} data-size="xs" className="mt-4">
        {t('admin.rooms.new')}
      </Heading>
      <form
        className="form admin-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const errs: typeof errors = {};
          if (!SLUG.test(v.slug)) errs.slug = t('admin.categories.slugError');
          if (!v.name.trim()) errs.name = t('admin.categories.nameError');
          setErrors(errs);
          create.reset();
          if (errs.slug || errs.name) return;
          void create.run();
        }}
      >
        <Textfield
          id="room-slug"
          label={t('admin.categories.slug')}
          description={t('admin.categories.slugHelp')}
          value={v.slug}
          onChange={(e) => setV({ ...v, slug: e.target.value })}
          error={errors.slug}
        />
        <Textfield
          id="room-name"
          label={t('admin.categories.name')}
          value={v.name}
          onChange={(e) => setV({ ...v, name: e.target.value })}
          error={errors.name}
        />
        <Textfield
          id="room-description"
          multiline
          rows={2}
          label={t('admin.categories.description')}
          value={v.description}
          onChange={(e) => setV({ ...v, description: e.target.value })}
        />
        <LabelledSelect
          id="room-audience"
          label={t('admin.rooms.audience')}
          value={v.audience}
          onChange={(x) => setV({ ...v, audience: x as CafeAudience })}
        >
          {CAFE_AUDIENCES.map((a) => (
            <Select.Option key={a} value={a}>
              {t(`admin.rooms.audiences.${a}`)}
            </Select.Option>
          ))}
        </LabelledSelect>
        {create.failure ? <ErrorAlert error={create.failure} /> : null}
        <div>
          <Button type="submit" data-size="sm" disabled={create.busy}>
            {t('admin.rooms.create')}
          </Button>
        </div>
      </form>
    </>
  );
}
