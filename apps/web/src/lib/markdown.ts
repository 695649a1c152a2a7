// Markdown for previews and the legal texts. Raw HTML is off, so the output holds only what
// markdown-it itself writes (and it refuses javascript: and data: links).
import MarkdownIt from 'markdown-it';

const md = new MarkdownIt({ html: false, linkify: true, breaks: true });
const defaultLinkOpen =
  md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx].attrSet('rel', 'nofollow noopener ugc');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

export function renderMarkdown(source: string): string {
  return md.render(source);
}

/** Splits a document's leading "# Title" off, so the page can use it as its own h1. */
export function splitTitle(source: string): { title: string | null; body: string } {
  const match = /^#\s+(.+)\n+/.exec(source);
  if (!match) return { title: null, body: source };
  return { title: match[1].trim(), body: source.slice(match[0].length) };
}
