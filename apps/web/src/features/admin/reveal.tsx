import { Alert, Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Revealed } from '../../api/types';
import { StatusAlert } from '../../components/feedback';
import { ReasonForm } from '../../components/mod-forms';

/** The audited reveal of who wrote a post: an administrator, with a reason. */
export function Reveal() {
  const { t } = useTranslation();
  const [postId, setPostId] = useState('');
  const [err, setErr] = useState<string | undefined>();
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<Revealed | null>(null);
  return (
    <>
      <Alert data-color="warning" className="block">
        <Paragraph>{t('admin.reveal.warning')}</Paragraph>
      </Alert>
      {result ? (
        <StatusAlert color="info" message={t('admin.reveal.result', { username: result.username })}>
          <Button
            variant="secondary"
            data-size="sm"
            className="mt-2"
            onClick={() => {
              setResult(null);
              setPostId('');
            }}
          >
            {t('admin.reveal.clear')}
          </Button>
        </StatusAlert>
      ) : confirming ? (
        <ReasonForm
          label={t('admin.reveal.reason')}
          submitLabel={t('admin.reveal.submit')}
          danger
          onCancel={() => setConfirming(false)}
          onSubmit={async (reason) => {
            const r = await api.post<Revealed>('/api/admin/reveal', {
              postId: postId.trim(),
              reason,
            });
            setResult(r);
            setConfirming(false);
          }}
        />
      ) : (
        <form
          className="form admin-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!/^[0-9a-f-]{36}$/i.test(postId.trim())) {
              setErr(t('admin.reveal.postIdError'));
              return;
            }
            setErr(undefined);
            setConfirming(true);
          }}
        >
          <Textfield
            label={t('admin.reveal.postId')}
            description={t('admin.reveal.postIdHelp')}
            value={postId}
            onChange={(e) => setPostId(e.target.value)}
            error={err}
          />
          <div>
            <Button type="submit" variant="secondary" data-size="sm">
              {t('admin.reveal.next')}
            </Button>
          </div>
        </form>
      )}
    </>
  );
}
