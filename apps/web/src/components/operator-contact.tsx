import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { Operator } from '../api/types';
import { useApi } from '../lib/use-api';

/** Who runs the service (GET /api/operator): set by an administrator under /admin → Innstillinger. */
export function useOperator() {
  return useApi<Operator>('/api/operator');
}

export function hasContact(operator: Operator | undefined): boolean {
  return Boolean(operator && (operator.email || operator.phone || operator.address));
}

/** The operator's email, phone and postal address, as links where a phone or mail app can take them. */
export function OperatorContact({ operator }: { operator: Operator }) {
  const { t } = useTranslation();
  return (
    <dl className="facts mt-2">
      {operator.email ? (
        <>
          <dt>{t('operator.contact.email')}</dt>
          <dd>
            <Link href={`mailto:${operator.email}`}>{operator.email}</Link>
          </dd>
        </>
      ) : null}
      {operator.phone ? (
        <>
          <dt>{t('operator.contact.phone')}</dt>
          <dd>
            <Link href={`tel:${operator.phone.replace(/ /g, '')}`}>{operator.phone}</Link>
          </dd>
        </>
      ) : null}
      {operator.address ? (
        <>
          <dt>{t('operator.contact.address')}</dt>
          <dd>
            {operator.address.split('\n').map((line, i) => (
              <Fragment key={i}>
                {i > 0 ? <br /> : null}
                {line}
              </Fragment>
            ))}
          </dd>
        </>
      ) : null}
    </dl>
  );
}

/** "Forgot your password?": whom to ask for a new-password link. */
export function ForgotPassword() {
  const { t } = useTranslation();
  const { data: operator, loading } = useOperator();
  return (
    <section aria-labelledby="forgot-heading" className="mt-4">
      <Heading level={2} id="forgot-heading" data-size="xs">
        {t('operator.forgot.heading')}
      </Heading>
      {loading ? (
        <Paragraph className="muted">{t('operator.contact.loading')}</Paragraph>
      ) : operator && hasContact(operator) ? (
        <>
          <Paragraph>
            {operator.name ? t('operator.forgot.named', { name: operator.name }) : t('operator.forgot.unnamed')}
          </Paragraph>
          <OperatorContact operator={operator} />
        </>
      ) : (
        <Paragraph>{t('operator.forgot.none')}</Paragraph>
      )}
    </section>
  );
}
