import { Alert, Button, Checkbox, Fieldset, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import type { DirectorySuggestion, DirectorySuggestionReceipt, HsdsService } from '../../api/types';
import { ErrorAlert, Loading } from '../../components/feedback';
import { PageHeader } from '../../components/page-header';
import { fieldOf } from '../../lib/errors';
import { useApi } from '../../lib/use-api';
import { useSubmit } from '../../lib/use-submit';
import { useTerms } from './common';

const FIELDS = [
  'organizationName',
  'name',
  'description',
  'municipality',
  'address',
  'schedule',
  'url',
  'email',
  'phone',
  'cost',
  'suggesterEmail',
] as const;
type FieldName = (typeof FIELDS)[number];
type Values = Record<FieldName, string>;

const EMPTY: Values = Object.fromEntries(FIELDS.map((f) => [f, ''])) as Values;

/** What an offer says now, as the correction form starts from. */
function fromService(s: HsdsService): Values {
  const place = s.service_at_locations[0]?.location;
  const address = place?.addresses[0];
  return {
    ...EMPTY,
    organizationName: s.organization.name,
    name: s.name,
    description: s.description,
    municipality: s.x_municipality_code,
    address: address ? `${address.address_1}, ${address.postal_code} ${address.city}` : (place?.name ?? ''),
    schedule: s.schedules.map((x) => x.description).join('; '),
    url: s.url ?? '',
    email: s.contacts.find((c) => c.email)?.email ?? '',
    phone: s.phones[0]?.number ?? '',
    cost: s.fees_description ?? '',
  };
}

/** "Suggest an offer" and "report an error" (?rett=<id>): anyone, no account; a moderator decides. */
export default function SuggestPage() {
  const [params] = useSearchParams();
  const correcting = params.get('rett');
  const current = useApi<HsdsService>(correcting ? `/api/hsds/services/${encodeURIComponent(correcting)}` : null);
  if (!correcting) return <SuggestForm service={null} />;
  if (current.loading) return <Loading />;
  if (current.error) return <ErrorAlert error={current.error} retry={current.reload} />;
  return current.data ? <SuggestForm key={current.data.id} service={current.data} /> : null;
}

function SuggestForm({ service }: { service: HsdsService | null }) {
  const { t, i18n } = useTranslation();
  const correcting = service?.id ?? null;
  const terms = useTerms();
  const [v, setV] = useState<Values>(() => (service ? fromService(service) : EMPTY));
  const [types, setTypes] = useState<string[]>(() => service?.attributes.map((a) => a.taxonomy_term.code) ?? []);
  const [fieldError, setFieldError] = useState<{ field: string; message: string } | null>(null);
  const [receipt, setReceipt] = useState<string | null>(null);

  const send = useSubmit(
    async () => {
      setFieldError(null);
      const body: DirectorySuggestion = {
        organizationName: v.organizationName.trim(),
        name: v.name.trim(),
        description: v.description.trim(),
        municipality: v.municipality.trim(),
        ...(correcting ? { serviceId: correcting } : {}),
        ...(types.length ? { taxonomyTerms: types } : {}),
      };
      for (const f of ['address', 'schedule', 'url', 'email', 'phone', 'cost', 'suggesterEmail'] as const)
        if (v[f].trim()) body[f] = v[f].trim();
      const res = await api.post<DirectorySuggestionReceipt>('/api/directory/suggestions', body);
      setReceipt(res.receiptCode);
    },
    {
      onError: (error) => {
        const field = fieldOf(error, FIELDS);
        if (!field) return false;
        setFieldError({ field, message: (error as Error).message });
        document.getElementById(`suggest-${field}`)?.focus();
        return true;
      },
    },
  );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send.run();
  };
  const title = service ? t('directory.form.correctionTitle', { name: service.name }) : t('directory.form.title');

  if (receipt)
    return (
      <div className="narrow">
        <PageHeader title={title} />
        <Alert data-color="success" data-testid="suggestion-sent">
          <Heading level={2} data-size="xs">
            {t('directory.form.thanks')}
          </Heading>
          <Paragraph>{t('directory.form.receiptIntro')}</Paragraph>
          <Paragraph>
            <Link to={`/kvittering/${receipt}`} className="ds-link">
              {t('directory.form.openReceipt')}
            </Link>
          </Paragraph>
        </Alert>
      </div>
    );

  const field = (
    name: FieldName,
    type: 'text' | 'url' | 'email' | 'tel' = 'text',
    inputMode?: 'numeric' | 'tel' | 'email' | 'url',
  ) => (
    <Textfield
      id={`suggest-${name}`}
      label={t(`directory.form.${name}`)}
      value={v[name]}
      onChange={(e) => setV({ ...v, [name]: e.target.value })}
      error={fieldError?.field === name ? fieldError.message : undefined}
      type={type}
      inputMode={inputMode}
    />
  );

  return (
    <div className="narrow">
      <PageHeader title={title} lead={correcting ? t('directory.form.correctionLead') : t('directory.form.lead')} />
      <form onSubmit={submit} noValidate className="form">
        {field('organizationName')}
        {field('name')}
        <Textfield
          id="suggest-description"
          label={t('directory.form.description')}
          multiline
          rows={5}
          value={v.description}
          onChange={(e) => setV({ ...v, description: e.target.value })}
          error={fieldError?.field === 'description' ? fieldError.message : undefined}
        />
        {field('municipality', 'text', 'numeric')}
        {field('address')}
        {field('schedule')}
        <Fieldset>
          <Fieldset.Legend>{t('directory.form.types')}</Fieldset.Legend>
          {terms.data?.contents.map((term) => (
            <Checkbox
              key={term.id}
              label={i18n.language === 'en' ? term.x_name_en : term.name}
              value={term.code}
              checked={types.includes(term.code)}
              onChange={(e) =>
                setTypes(e.target.checked ? [...types, term.code] : types.filter((c) => c !== term.code))
              }
            />
          ))}
        </Fieldset>
        {field('cost')}
        {field('url', 'url', 'url')}
        {field('email', 'email', 'email')}
        {field('phone', 'tel', 'tel')}
        {field('suggesterEmail', 'email', 'email')}
        {send.failure ? <ErrorAlert error={send.failure} /> : null}
        <div>
          <Button type="submit" disabled={send.busy} aria-busy={send.busy || undefined}>
            {t('directory.form.send')}
          </Button>
        </div>
      </form>
    </div>
  );
}
