// i18next with bokmål built in and English loaded on demand; <html lang> follows the language.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import nb from './locales/nb.json';

export const LANGUAGES = ['nb', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'erf.lang';

function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'en' ? 'en' : 'nb';
  } catch {
    return 'nb';
  }
}

async function ensureLoaded(lng: Language): Promise<void> {
  if (i18next.hasResourceBundle(lng, 'translation')) return;
  if (lng === 'en') {
    const en = await import('./locales/en.json');
    i18next.addResourceBundle('en', 'translation', en.default, true, true);
  }
}

export async function initI18n(): Promise<void> {
  const lng = storedLanguage();
  await i18next.use(initReactI18next).init({
    resources: { nb: { translation: nb } },
    lng: 'nb',
    fallbackLng: 'nb',
    supportedLngs: LANGUAGES,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  i18next.on('languageChanged', (l) => {
    document.documentElement.lang = l;
  });
  if (lng !== 'nb') await setLanguage(lng);
  document.documentElement.lang = i18next.language;
}

export async function setLanguage(lng: Language): Promise<void> {
  await ensureLoaded(lng);
  await i18next.changeLanguage(lng);
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // private mode: the choice lasts for this page only
  }
}

/** The BCP 47 locale for dates and numbers. */
export function locale(lng: string = i18next.language): string {
  return lng === 'en' ? 'en-GB' : 'nb-NO';
}
