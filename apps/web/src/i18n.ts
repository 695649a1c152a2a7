// i18next with bokmål built in and English loaded on demand; <html lang> follows the language.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import nbBase from './locales/nb.json';

// Each feature may keep its texts in locales/<lang>/<feature>.json; their top-level groups join the base file's.
type Texts = Record<string, unknown>;
const nbFeatures = import.meta.glob<Texts>('./locales/nb/*.json', { eager: true, import: 'default' });
const enFeatures = import.meta.glob<Texts>('./locales/en/*.json', { import: 'default' });
const nb: Texts = Object.assign({}, nbBase, ...Object.values(nbFeatures));

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
    const [en, ...features] = await Promise.all([
      import('./locales/en.json').then((m) => m.default as Texts),
      ...Object.values(enFeatures).map((load) => load()),
    ]);
    i18next.addResourceBundle('en', 'translation', Object.assign({}, en, ...features), true, true);
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
