// i18next with bokmål built in and English loaded on demand; <html lang> follows the language.
// The home page's texts (locales/<lang>.json) come with the app; the rest of a language
// (locales/<lang>/*.json) in one chunk with the first other page (lazyPage), so a cheap phone
// opening the front page downloads only what it shows.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import nb from './locales/nb.json';

type Texts = Record<string, unknown>;

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

const SHELL: Record<Language, () => Promise<Texts>> = {
  nb: () => Promise.resolve(nb),
  en: () => import('./locales/en.json').then((m) => m.default as Texts),
};
const FEATURES: Record<Language, () => Promise<Texts[]>> = {
  nb: () => import('./locales/nb-features').then((m) => m.default),
  en: () => import('./locales/en-features').then((m) => m.default),
};
const loading = new Map<string, Promise<void>>();
let featuresWanted = false;

/** Loads a part of a language once, however many pages ask at the same time. */
function once(key: string, load: () => Promise<void>): Promise<void> {
  let done = loading.get(key);
  if (!done) {
    done = load().catch((e: unknown) => {
      loading.delete(key); // a dropped connection: the next page asks again
      throw e;
    });
    loading.set(key, done);
  }
  return done;
}

async function ensureLoaded(lng: Language): Promise<void> {
  await once(`${lng} shell`, async () => {
    if (!i18next.hasResourceBundle(lng, 'translation'))
      i18next.addResourceBundle(lng, 'translation', await SHELL[lng](), true, true);
  });
  if (featuresWanted)
    await once(`${lng} features`, async () => {
      for (const texts of await FEATURES[lng]()) i18next.addResourceBundle(lng, 'translation', texts, true, true);
    });
}

/** Every text of the language in use (and of any chosen later): what every page but the home page needs. */
export function loadAllTexts(): Promise<void> {
  featuresWanted = true;
  return ensureLoaded(i18next.language === 'en' ? 'en' : 'nb');
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
