import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

export interface RenderOptions {
  /** Images from other sites tell those sites who is reading; off unless the admin allows them. */
  allowRemoteImages: boolean;
}

export interface Rendered {
  /** Safe HTML to show. */
  html: string;
  /** Plain text of the same content, for search and snippets. */
  text: string;
}

const LINK_REL = 'nofollow noopener ugc';

// Raw HTML is never parsed (html: false): everything a user types that looks like a tag is text.
const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false });

const BASE_TAGS = [
  'p',
  'br',
  'strong',
  'em',
  's',
  'del',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'a',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
];

function pick(attribs: Record<string, string>, names: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) if (attribs[name] !== undefined) out[name] = attribs[name];
  return out;
}

/**
 * A link keeps its address only when it is plainly http(s), mailto, a path on this site or an
 * anchor: anything else (an odd scheme, an encoded one) is dropped, whatever a browser would make of it.
 */
function safeHref(href: string | undefined): { href?: string } {
  return href !== undefined && /^(https?:\/\/|mailto:|\/(?!\/)|#)/i.test(href) ? { href } : {};
}

function sanitizerOptions({ allowRemoteImages }: RenderOptions): sanitizeHtml.IOptions {
  return {
    allowedTags: allowRemoteImages ? [...BASE_TAGS, 'img'] : BASE_TAGS,
    allowedAttributes: {
      a: ['href', 'title', 'rel'],
      img: ['src', 'alt', 'title', 'loading', 'referrerpolicy'],
      ol: ['start'],
    },
    // Only these schemes survive, so javascript:, vbscript: and data: URLs never reach a page.
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['https', 'http'] },
    allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    transformTags: {
      // The page's own headings sit above a post; a post's headings start lower.
      h1: 'h3',
      h2: 'h4',
      a: (_tag, attribs) => ({
        tagName: 'a',
        attribs: { ...pick(attribs, ['title']), ...safeHref(attribs.href), rel: LINK_REL },
      }),
      img: allowRemoteImages
        ? (_tag, attribs) => ({
            tagName: 'img',
            attribs: { ...pick(attribs, ['src', 'alt', 'title']), loading: 'lazy', referrerpolicy: 'no-referrer' },
          })
        : // Without remote images, an image becomes a plain link the reader may choose to follow.
          (_tag, attribs) => ({
            tagName: 'a',
            attribs: { ...safeHref(attribs.src), rel: LINK_REL },
            text: attribs.alt || attribs.src || '',
          }),
    },
  };
}

// oxlint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Plain text of safe HTML: blocks end in a line break, tags go, entities are decoded. */
export function htmlToText(html: string): string {
  const separated = html.replace(/<br\s*\/?>|<\/(p|li|h\d|blockquote|pre|tr|th|td)>/gi, (m) => `${m}\n`);
  const stripped = sanitizeHtml(separated, { allowedTags: [], allowedAttributes: {} });
  return (
    decodeEntities(stripped)
      // Control characters have no place in text, and \x01/\x02 mark search highlights.
      .replace(CONTROL_CHARACTERS, '')
      .replace(/[ \t]*\n\s*/g, '\n')
      .trim()
  );
}

/** Markdown to safe HTML (no raw HTML, safe links only, images per the site setting) and its plain text. */
export function renderMarkdown(source: string, options: RenderOptions): Rendered {
  const html = sanitizeHtml(markdown.render(source), sanitizerOptions(options)).trim();
  return { html, text: htmlToText(html) };
}

/** Escapes text for HTML. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
