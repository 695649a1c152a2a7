import { createHash } from 'node:crypto';
import { escapeHtml } from '#libs/content';
import { webRoutes } from '#libs/contracts';
import type { HsdsServiceSummaryDto } from './dto/hsds.dto.js';

export type EmbedLang = 'nb' | 'en';

const TEXT = {
  nb: {
    title: 'Aktivitetstilbud',
    none: 'Ingen tilbud funnet.',
    when: 'Når',
    where: 'Hvor',
    cost: 'Pris',
    checked: 'Sist sjekket',
    stale: 'ikke sjekket på over et halvår',
    closed: 'Midlertidig stengt',
    all: 'Se alle tilbud og foreslå nye',
    by: 'Fra',
  },
  en: {
    title: 'Activities',
    none: 'No activities found.',
    when: 'When',
    where: 'Where',
    cost: 'Cost',
    checked: 'Last checked',
    stale: 'not checked for over six months',
    closed: 'Temporarily closed',
    all: 'See all activities and suggest new ones',
    by: 'By',
  },
} as const;

const STYLE = `body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1f;background:#fff}
main{padding:8px}ul{list-style:none;margin:0;padding:0}li{border-bottom:1px solid #d6d6db;padding:12px 0}
h2{font-size:1.1rem;margin:0 0 4px}a{color:#0b5394}dl{margin:4px 0 0;display:grid;grid-template-columns:max-content 1fr;gap:0 12px}
dt{font-weight:600}dd{margin:0}.tags{margin:4px 0 0;font-size:.9rem;color:#44444c}.alert{font-weight:600;color:#8a3b00}
.more{margin:12px 0 0}.sr{position:absolute;left:-9999px}`;

/** Tells the page that framed it how tall the list is, so the iframe has no scrollbar of its own. */
const SCRIPT = `(function(){function s(){parent.postMessage({type:"erfaringsforum:directory-height",height:Math.ceil(document.documentElement.getBoundingClientRect().height)},"*")}addEventListener("load",s);addEventListener("resize",s);if(window.ResizeObserver)new ResizeObserver(s).observe(document.body);s()})();`;

const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** The embed's own policy: nothing but its inline style and script; framed only by `ancestors`. */
export function embedCsp(ancestors: string[]): string {
  return [
    "default-src 'none'",
    `style-src ${sha(STYLE)}`,
    `script-src ${sha(SCRIPT)}`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors 'self'${ancestors.map((o) => ` ${o}`).join('')}`,
  ].join('; ');
}

const date = (iso: string, lang: EmbedLang) =>
  new Intl.DateTimeFormat(lang === 'nb' ? 'nb-NO' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${iso}T12:00:00Z`),
  );

/** A light page of the offers: no cookies, no tracking, links that open the offer in a new tab. */
export function embedPage(
  services: HsdsServiceSummaryDto[],
  o: { lang: EmbedLang; base: string; listLink: string },
): string {
  const t = TEXT[o.lang];
  const item = (s: HsdsServiceSummaryDto) => {
    const types = s.attributes
      .map((a) => (o.lang === 'nb' ? a.taxonomy_term.name : a.taxonomy_term.x_name_en))
      .map(escapeHtml)
      .join(' · ');
    const when = s.schedules.map((x) => escapeHtml(x.description)).join('<br>');
    const rows = [
      when && `<dt>${t.when}</dt><dd>${when}</dd>`,
      s.x_place && `<dt>${t.where}</dt><dd>${escapeHtml(s.x_place)}</dd>`,
      s.fees_description && `<dt>${t.cost}</dt><dd>${escapeHtml(s.fees_description)}</dd>`,
      s.assured_date &&
        `<dt>${t.checked}</dt><dd>${date(s.assured_date, o.lang)}${s.x_stale ? ` (${t.stale})` : ''}</dd>`,
    ]
      .filter(Boolean)
      .join('');
    return `<li><h2><a href="${escapeHtml(o.base + webRoutes.activity(s.id))}" target="_blank" rel="noopener">${escapeHtml(s.name)}</a></h2>
<div>${t.by} ${escapeHtml(s.organization.name)}</div>${s.status === 'temporarily closed' ? `<div class="alert">${t.closed}</div>` : ''}${s.alert ? `<div class="alert">${escapeHtml(s.alert)}</div>` : ''}
${types ? `<p class="tags">${types}</p>` : ''}${rows ? `<dl>${rows}</dl>` : ''}</li>`;
  };
  return `<!doctype html>
<html lang="${o.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer"><title>${t.title}</title><style>${STYLE}</style></head>
<body><main><h1 class="sr">${t.title}</h1>
${services.length === 0 ? `<p>${t.none}</p>` : `<ul>${services.map(item).join('\n')}</ul>`}
<p class="more"><a href="${escapeHtml(o.listLink)}" target="_blank" rel="noopener">${t.all}</a></p></main>
<script>${SCRIPT}</script></body></html>`;
}

/** /embed/directory.js: inserts the page as an iframe where the script tag stands, sized to its content. */
export const EMBED_SCRIPT = `(function(){
  var me = document.currentScript;
  if (!me) return;
  var origin = new URL(me.src, location.href).origin;
  var q = new URLSearchParams();
  ["municipality", "taxonomy", "lang"].forEach(function (k) { var v = me.getAttribute("data-" + k); if (v) q.set(k, v); });
  var frame = document.createElement("iframe");
  frame.src = origin + "/embed/directory" + (q.toString() ? "?" + q.toString() : "");
  frame.title = me.getAttribute("data-title") || (q.get("lang") === "en" ? "Activities" : "Aktivitetstilbud");
  frame.loading = "lazy";
  frame.referrerPolicy = "no-referrer";
  frame.style.cssText = "width:100%;border:0;display:block;height:400px";
  addEventListener("message", function (e) {
    if (e.origin !== origin || e.source !== frame.contentWindow) return;
    var d = e.data;
    if (d && d.type === "erfaringsforum:directory-height" && typeof d.height === "number")
      frame.style.height = Math.max(100, Math.min(20000, Math.ceil(d.height))) + "px";
  });
  me.parentNode.insertBefore(frame, me.nextSibling);
})();
`;
