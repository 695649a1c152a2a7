import { readFileSync } from 'node:fs';
import { escapeHtml, htmlToText, renderMarkdown } from './markdown.js';

// The OWASP XSS Filter Evasion Cheat Sheet's payloads, plus Markdown-shaped ones (links, images,
// autolinks and reference links with dangerous URLs).
const CORPUS: string[] = JSON.parse(readFileSync(new URL('./fixtures/owasp-xss.json', import.meta.url), 'utf8'));

const SAFE_TAGS = new Set([
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
]);
const SAFE_ATTRIBUTES: Record<string, Set<string>> = {
  a: new Set(['href', 'title', 'rel']),
  img: new Set(['src', 'alt', 'title', 'loading', 'referrerpolicy']),
  ol: new Set(['start']),
};

interface Tag {
  name: string;
  attributes: [string, string][];
}

/** Every tag in sanitised output (which always quotes attributes with "). */
function tagsOf(html: string): Tag[] {
  return [...html.matchAll(/<([a-zA-Z][\w:-]*)([^>]*)>/g)].map((m) => ({
    name: m[1].toLowerCase(),
    attributes: [...m[2].matchAll(/([^\s="'/]+)(?:="([^"]*)")?/g)].map(
      (a) => [a[1].toLowerCase(), a[2] ?? ''] as [string, string],
    ),
  }));
}

// htmlToText drops control characters; what is left of the URL, without blanks, is what a browser reads.
const decoded = (value: string) => htmlToText(`<p>${value}</p>`).replace(/\s/g, '').toLowerCase();

function problemsIn(html: string, allowImages: boolean): string[] {
  const problems: string[] = [];
  if (
    /<\s*\/?\s*(script|iframe|object|embed|svg|math|form|input|button|style|link|meta|base|frame|frameset|body|html|xml|video|audio|source|details|textarea)\b/i.test(
      html,
    )
  )
    problems.push('dangerous element');
  for (const tag of tagsOf(html)) {
    if (!SAFE_TAGS.has(tag.name) && !(allowImages && tag.name === 'img')) problems.push(`tag <${tag.name}>`);
    for (const [name, value] of tag.attributes) {
      if (name.startsWith('on')) problems.push(`event handler ${name}`);
      if (name === 'style') problems.push('style attribute');
      if (!SAFE_ATTRIBUTES[tag.name]?.has(name)) problems.push(`attribute ${name} on <${tag.name}>`);
      if ((name === 'href' || name === 'src') && !/^(https?:|mailto:|\/(?!\/)|#)/.test(decoded(value)))
        problems.push(`${name}="${value}"`);
    }
  }
  return problems;
}

describe('renderMarkdown against XSS filter-evasion payloads', () => {
  it('should hold a corpus of over a hundred payloads', () => {
    expect(CORPUS.length).toBeGreaterThan(100);
  });

  it.each([false, true])('should let none through when remote images are %s', (allowRemoteImages) => {
    const failures = CORPUS.map((payload) => ({ payload, html: renderMarkdown(payload, { allowRemoteImages }).html }))
      .map((r) => ({ ...r, problems: problemsIn(r.html, allowRemoteImages) }))
      .filter((r) => r.problems.length > 0);
    expect(failures).toEqual([]);
  });

  it('should leave no javascript:, vbscript: or data: URL anywhere in an attribute', () => {
    for (const payload of CORPUS) {
      for (const allowRemoteImages of [false, true]) {
        const { html } = renderMarkdown(payload, { allowRemoteImages });
        for (const tag of tagsOf(html)) {
          for (const [, value] of tag.attributes)
            expect(decoded(value)).not.toMatch(/^(javascript|vbscript|data|livescript|file):/);
        }
      }
    }
  });
});

const render = (md: string, allowRemoteImages = false) => renderMarkdown(md, { allowRemoteImages }).html;

describe('renderMarkdown', () => {
  it('should render ordinary Markdown', () => {
    expect(render('Hei *alle* og **du**')).toBe('<p>Hei <em>alle</em> og <strong>du</strong></p>');
    expect(render('- en\n- to')).toBe('<ul>\n<li>en</li>\n<li>to</li>\n</ul>');
    expect(render('# Tittel')).toBe('<h3>Tittel</h3>');
    expect(render('linje 1\nlinje 2')).toBe('<p>linje 1<br />\nlinje 2</p>');
  });

  it('should show raw HTML as text, not as markup', () => {
    expect(render('<b>fet</b>')).toBe('<p>&lt;b&gt;fet&lt;/b&gt;</p>');
  });

  it('should give every link rel="nofollow noopener ugc"', () => {
    expect(render('[DPS](https://example.no/dps)')).toBe(
      '<p><a href="https://example.no/dps" rel="nofollow noopener ugc">DPS</a></p>',
    );
    expect(render('se https://helsenorge.no')).toContain(
      '<a href="https://helsenorge.no" rel="nofollow noopener ugc">',
    );
  });

  it('should turn a remote image into a link when remote images are off', () => {
    expect(render('![kart](https://example.no/kart.png)')).toBe(
      '<p><a href="https://example.no/kart.png" rel="nofollow noopener ugc">kart</a></p>',
    );
  });

  it('should show a remote image without sending the referrer when remote images are on', () => {
    expect(render('![kart](https://example.no/kart.png)', true)).toBe(
      '<p><img src="https://example.no/kart.png" alt="kart" loading="lazy" referrerpolicy="no-referrer" /></p>',
    );
  });

  it('should keep code as text', () => {
    expect(render('```\n<script>x</script>\n```')).toBe('<pre><code>&lt;script&gt;x&lt;/script&gt;\n</code></pre>');
  });

  it('should give the plain text for search', () => {
    expect(
      renderMarkdown('# Fjellturene\n\nVi gikk *langt* & var glade.\n\n- en\n- to', { allowRemoteImages: false }).text,
    ).toBe('Fjellturene\nVi gikk langt & var glade.\nen\nto');
  });
});

describe('escapeHtml', () => {
  it('should escape every character that means something in HTML', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;');
  });
});
