// Every bokmål text beyond the home page's own (locales/nb.json), as one chunk: loaded with the first other page.
const files = import.meta.glob<Record<string, unknown>>('./nb/*.json', { eager: true, import: 'default' });
export default Object.values(files);
