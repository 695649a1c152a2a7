import {
  Button,
  Field,
  FieldDescription,
  Label,
  Paragraph,
  Textarea,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useEffect, useId, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { PreSendHelp } from './pre-send-help';

/** A Markdown textarea with a preview that renders the same way the server will (roughly). */
export function MarkdownEditor({
  label,
  value,
  onChange,
  error,
  description,
  maxLength = 20000,
  rows = 8,
  textareaRef,
  name,
  anonymous,
}: {
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string;
  description?: string;
  maxLength?: number;
  rows?: number;
  textareaRef?: Ref<HTMLTextAreaElement>;
  name?: string;
  /** Written without a name: personal details in the draft are pointed out before sending. */
  anonymous?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const previewId = `${id}-preview`;
  const [showPreview, setShowPreview] = useState(false);
  const [html, setHtml] = useState('');

  useEffect(() => {
    if (!showPreview) return;
    let live = true;
    void import('../lib/markdown').then(({ renderMarkdown }) => {
      if (live) setHtml(renderMarkdown(value));
    });
    return () => {
      live = false;
    };
  }, [showPreview, value]);

  return (
    <div className="markdown-editor">
      <Field>
        <Label>{label}</Label>
        <FieldDescription>{description ?? t('editor.help')}</FieldDescription>
        <Textarea
          ref={textareaRef}
          name={name}
          rows={rows}
          value={value}
          maxLength={maxLength}
          aria-invalid={error ? true : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
        {error ? <ValidationMessage>{error}</ValidationMessage> : null}
      </Field>
      <PreSendHelp text={value} anonymous={anonymous} />
      <Button
        variant="tertiary"
        data-size="sm"
        type="button"
        aria-expanded={showPreview}
        aria-controls={previewId}
        onClick={() => setShowPreview((v) => !v)}
        className="mt-1"
      >
        {showPreview ? t('editor.hidePreview') : t('editor.showPreview')}
      </Button>
      <section id={previewId} hidden={!showPreview} className="preview" aria-label={t('editor.preview')}>
        {value.trim() ? (
          <div className="post-body" dangerouslySetInnerHTML={{ __html: html }} />
        ) : (
          <Paragraph className="muted">{t('editor.nothingToPreview')}</Paragraph>
        )}
      </section>
    </div>
  );
}
