// Every English text beyond the home page's own (locales/en.json), as one chunk: loaded with the first other page.
const files = import.meta.glob<Record<string, unknown>>('./en/*.json', { eager: true, import: 'default' });
export default Object.values(files);
