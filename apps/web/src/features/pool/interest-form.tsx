import { Alert, Button, Checkbox, Fieldset, Heading, Paragraph, Radio, Textfield } from '@digdir/designsystemet-react';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { InterestInput, InterestReceipt, Perspective } from '../../api/types';
import { CrisisSupport } from '../../components/helplines';
import { NotSentAlert } from '../../components/not-sent';
import { PreSendHelp } from '../../components/pre-send-help';
import { useReveal } from '../../components/use-reveal';
import { fieldOf } from '../../lib/errors';
import { useSubmit } from '../../lib/use-submit';
import { PerspectiveChoices } from './perspective-choices';

const CHANNELS = ['email', 'sms', 'phone'] as const;
type Channel = (typeof CHANNELS)[number];
const FIELDS = ['name', 'email', 'phone', 'preferredChannel', 'perspectives', 'message'] as const;
type Field = (typeof FIELDS)[number];

/** After sending: the code to quote, and the helplines when the message suggested a crisis. */
function Sent({ receipt }: { receipt: InterestReceipt }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const none = useRef<HTMLElement>(null);
  // With the helplines on screen they take focus; otherwise the thanks does.
  useReveal(
    receipt.support ? none : box,
    receipt.support ? none : heading,
    `${t('pool.interest.thanks')} ${t('pool.interest.codeIntro')} ${receipt.receiptCode}`,
    receipt,
  );
  return (
    <>
      {receipt.support ? (
        <CrisisSupport resources={receipt.support} staffed={receipt.staffed} headingLevel={3} />
      ) : null}
      <Alert data-color="success" className="block" ref={box} data-testid="interest-sent">
        <Heading level={3} data-size="xs" tabIndex={-1} ref={heading}>
          {t('pool.interest.thanks')}
        </Heading>
        <Paragraph>{t('pool.interest.codeIntro')}</Paragraph>
        <Paragraph className="mt-2">
          <strong className="receipt-code" data-testid="receipt-code">
            {receipt.receiptCode}
          </strong>
        </Paragraph>
        <Paragraph className="mt-2">{t('pool.interest.codeHelp')}</Paragraph>
      </Alert>
    </>
  );
}

/** "I'm interested": no account needed; the coordinator gets in touch the way the person asks. */
export function InterestForm() {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [channel, setChannel] = useState<Channel>('email');
  const [perspectives, setPerspectives] = useState<Perspective[]>([]);
  const [message, setMessage] = useState('');
  const [newsletter, setNewsletter] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [receipt, setReceipt] = useState<InterestReceipt | null>(null);

  const send = useSubmit(
    async () => {
      const body: InterestInput = { name: name.trim(), preferredChannel: channel, perspectives, newsletter };
      if (email.trim()) body.email = email.trim();
      if (phone.trim()) body.phone = phone.trim();
      if (message.trim()) body.message = message.trim();
      setReceipt(await api.post<InterestReceipt>('/api/panel/interest', body));
    },
    {
      onError: (error) => {
        const field = fieldOf(error, FIELDS) as Field | undefined;
        if (!field) return false;
        setErrors({ [field]: (error as Error).message });
        focus(field);
        return true;
      },
    },
  );

  function focus(field: Field) {
    const id = field === 'perspectives' ? 'interest-perspective-user' : `interest-${field}`;
    document.getElementById(field === 'preferredChannel' ? `interest-channel-${channel}` : id)?.focus();
  }

  function check(): Partial<Record<Field, string>> {
    const found: Partial<Record<Field, string>> = {};
    if (!name.trim()) found.name = t('pool.interest.errors.name');
    if (!email.trim() && !phone.trim()) found.email = t('pool.interest.errors.contact');
    else if (channel === 'email' && !email.trim()) found.email = t('pool.interest.errors.emailForChannel');
    else if (channel !== 'email' && !phone.trim()) found.phone = t('pool.interest.errors.phoneForChannel');
    if (perspectives.length === 0) found.perspectives = t('pool.interest.errors.perspectives');
    return found;
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const found = check();
    setErrors(found);
    const first = FIELDS.find((f) => found[f]);
    if (first) {
      focus(first);
      return;
    }
    void send.run();
  }

  if (receipt) return <Sent receipt={receipt} />;
  return (
    <form onSubmit={submit} noValidate className="form" data-testid="interest-form">
      <Textfield
        id="interest-name"
        label={t('pool.interest.name')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={errors.name}
        autoComplete="name"
        maxLength={120}
      />
      <Textfield
        id="interest-email"
        label={t('pool.interest.email')}
        type="email"
        inputMode="email"
        autoComplete="email"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={errors.email}
      />
      <Textfield
        id="interest-phone"
        label={t('pool.interest.phone')}
        description={t('pool.interest.contactHelp')}
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        value={phone}
        onChange={(e) => setPhone(e.target.value)}
        error={errors.phone}
      />
      <Fieldset>
        <Fieldset.Legend>{t('pool.interest.channel')}</Fieldset.Legend>
        {CHANNELS.map((c, i) => (
          <Radio
            key={c}
            id={`interest-channel-${c}`}
            name="interest-channel"
            value={c}
            label={t(`pool.channels.${c}`)}
            checked={channel === c}
            onChange={() => setChannel(c)}
            error={i === CHANNELS.length - 1 ? errors.preferredChannel : undefined}
          />
        ))}
      </Fieldset>
      <Fieldset>
        <Fieldset.Legend>{t('pool.interest.perspectives')}</Fieldset.Legend>
        <Fieldset.Description>{t('pool.interest.perspectivesHelp')}</Fieldset.Description>
        <PerspectiveChoices
          value={perspectives}
          onChange={setPerspectives}
          error={errors.perspectives}
          idOf={(p) => `interest-perspective-${p}`}
        />
      </Fieldset>
      <Textfield
        id="interest-message"
        label={t('pool.interest.message')}
        description={t('pool.interest.messageHelp')}
        multiline
        rows={4}
        value={message}
        onChange={(e) => setMessage(e.target.value)}
        error={errors.message}
        maxLength={2000}
      />
      <PreSendHelp text={message} />
      <Checkbox
        id="interest-newsletter"
        label={t('pool.interest.newsletter')}
        checked={newsletter}
        onChange={(e) => setNewsletter(e.target.checked)}
      />
      <Paragraph data-size="sm" className="muted">
        {t('pool.interest.privacy')}
      </Paragraph>
      {send.failure ? <NotSentAlert error={send.failure} /> : null}
      <div>
        <Button type="submit" disabled={send.busy} aria-busy={send.busy || undefined} data-testid="send-interest">
          {t('pool.interest.send')}
        </Button>
      </div>
    </form>
  );
}
