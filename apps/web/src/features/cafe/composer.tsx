import { Button, Textfield } from '@digdir/designsystemet-react';
import { PreSendHelp } from '../../components/pre-send-help';
import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useDraft } from '../../lib/use-draft';
import { useTranslation } from 'react-i18next';
import { CAFE_LIMITS } from '#libs/contracts';
import type { SendResult } from './use-cafe-room';

/** Writing a message: Enter sends, Shift+Enter breaks the line; the café's length limit is the contract's. */
export function Composer({
  disabled,
  draftKey,
  onSend,
  onTyping,
  onLeave,
}: {
  disabled: boolean;
  /** Where the unsent message is kept in this tab (per room), so a reload or a refusal loses nothing. */
  draftKey: string;
  onSend(body: string): Promise<SendResult>;
  onTyping(): void;
  onLeave(): void;
}) {
  const { t } = useTranslation();
  const kept = useDraft(draftKey);
  const draft = kept.value;
  const [error, setError] = useState<string | undefined>();
  const ref = useRef<HTMLTextAreaElement>(null);

  async function send(e?: FormEvent) {
    e?.preventDefault();
    const body = draft.trim();
    if (!body) {
      setError(t('chat.errors.empty'));
      ref.current?.focus();
      return;
    }
    if (body.length > CAFE_LIMITS.bodyMax) return setError(t('chat.errors.too_long'));
    setError(undefined);
    const result = await onSend(body);
    if (result.sent) kept.clear();
    else if (result.error) setError(`${result.error} ${t('safety.keptMessage')}`);
  }

  function onKey(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      void send();
    }
  }

  return (
    <form onSubmit={send} noValidate className="composer">
      <Textfield
        multiline
        rows={2}
        label={t('chat.compose')}
        description={t('chat.composeHelp')}
        value={draft}
        onChange={(e) => {
          kept.set(e.target.value);
          if (error) setError(undefined);
          if (e.target.value) onTyping();
        }}
        onKeyDown={onKey}
        error={error}
        ref={ref as React.Ref<HTMLTextAreaElement>}
        disabled={disabled}
        maxLength={CAFE_LIMITS.bodyMax}
        name="message"
        data-testid="composer"
      />
      <PreSendHelp text={draft} />
      <div className="button-row">
        <Button type="submit" disabled={disabled} data-testid="send-message">
          {t('chat.send')}
        </Button>
        <Button type="button" variant="tertiary" onClick={onLeave}>
          {t('chat.leave')}
        </Button>
      </div>
    </form>
  );
}
