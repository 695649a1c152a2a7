import { useTranslation } from 'react-i18next';

/** What posting anonymously means, beside the checkbox that asks for it. */
export function AnonymousExplanation() {
  const { t } = useTranslation();
  return <>{t('write.anonymousHelp')}</>;
}
