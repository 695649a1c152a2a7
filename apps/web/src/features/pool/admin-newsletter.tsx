import { Button, Fieldset, Paragraph, Radio, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { NewsletterInput, NewsletterReceipt } from '../../api/types';
import { useConfirm } from '../../components/announcer';
import { ErrorAlert, StatusAlert } from '../../components/feedback';
import { useSubmit } from '../../lib/use-submit';

const AUDIENCES: readonly NewsletterInput['audience'][] = ['both', 'panel', 'interested'];

/** A short news email to the panel and/or those interested who asked for it; each with an unsubscribe link. */
export function NewsletterForm() {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [audience, setAudience] = useState<NewsletterInput['audience']>('both');
  const [errors, setErrors] = useState<{ subject?: string; body?: string }>({});
  const [unsent, setUnsent] = useState<NewsletterReceipt | null>(null);
  const send = useSubmit(async () => {
    const receipt = await api.post<NewsletterReceipt>('/api/admin/newsletters', {
      subject: subject.trim(),
      body: body.trim(),
      audience,
    });
    if (receipt.sending) {
      setUnsent(null);
      confirm(t('pool.admin.newsletter.sent', { count: receipt.recipients }));
      setSubject('');
      setBody('');
    } else setUnsent(receipt);
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    const found = {
      ...(subject.trim() ? {} : { subject: t('pool.admin.newsletter.errors.subject') }),
      ...(body.trim() ? {} : { body: t('pool.admin.newsletter.errors.body') }),
    };
    setErrors(found);
    if (found.subject || found.body) {
      document.getElementById(found.subject ? 'newsletter-subject' : 'newsletter-body')?.focus();
      return;
    }
    void send.run();
  }
  return (
    <form onSubmit={submit} noValidate className="form" data-testid="newsletter-form">
      <Paragraph>{t('pool.admin.newsletter.lead')}</Paragraph>
      <Textfield
        id="newsletter-subject"
        label={t('pool.admin.newsletter.subject')}
        value={subject}
        onChange={(e) => setSubject(e.target.value)}
        error={errors.subject}
        maxLength={150}
      />
      <Textfield
        id="newsletter-body"
        label={t('pool.admin.newsletter.body')}
        description={t('pool.admin.newsletter.bodyHelp')}
        multiline
        rows={6}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        error={errors.body}
        maxLength={10000}
      />
      <Fieldset>
        <Fieldset.Legend>{t('pool.admin.newsletter.audience')}</Fieldset.Legend>
        {AUDIENCES.map((a) => (
          <Radio
            key={a}
            name="newsletter-audience"
            value={a}
            label={t(`pool.admin.newsletter.audiences.${a}`)}
            checked={audience === a}
            onChange={() => setAudience(a)}
          />
        ))}
      </Fieldset>
      {unsent ? (
        <div data-testid="newsletter-not-sent">
          <StatusAlert color="warning" message={t('pool.admin.newsletter.noSmtp', { count: unsent.recipients })} />
        </div>
      ) : null}
      {send.failure ? <ErrorAlert error={send.failure} /> : null}
      <div>
        <Button type="submit" disabled={send.busy} data-testid="send-newsletter">
          {t('pool.admin.newsletter.send')}
        </Button>
      </div>
    </form>
  );
}
