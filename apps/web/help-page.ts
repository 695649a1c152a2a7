// The help page as static HTML (dist/web/hjelp.html), made at build time from the built
// index.html, libs/contracts' helplines and the bokmål texts: the server sends it for /hjelp, so
// the numbers are on the screen before any script (and with none), and the service worker keeps
// it for when there is no network. Its markup is what React renders for /hjelp (components/
// layout.tsx, pages/help.tsx) and it links the app's own style sheet, so React takes over without
// a layout jump; test/browser/crisis-offline.browser-spec.ts measures that.
import type { Plugin } from 'vite';
import { HELPLINES, telOf } from '../../libs/contracts/src/helplines';
import { FOOTER_LINKS, PUBLIC_NAV } from './src/components/public-nav';
import { SHELL_STYLE } from './shell-style';
import nb from './src/locales/nb.json';

type Texts = typeof nb;

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function helplines(t: Texts): string {
  return HELPLINES.map((h) => {
    const name = escape(t.helplines[h.key].name);
    const label = escape(t.helplines.call.replace('{{name}}', t.helplines[h.key].name).replace('{{phone}}', h.phone));
    return (
      `<li><span class="helpline-name">${name}</span> ` +
      `<a class="ds-link helpline-phone" href="tel:${telOf(h.phone)}" aria-label="${label}">${escape(h.phone)}</a>` +
      `<span class="helpline-when">${escape(t.helplines[h.key].when)}</span></li>`
    );
  }).join('');
}

function link(href: string, text: string, className: string): string {
  return `<a class="${className}" href="${href}">${escape(text)}</a>`;
}

/** The app's layout around the help page, as React renders it for a guest (nb). */
export function helpMarkup(t: Texts = nb): string {
  const nav = PUBLIC_NAV.map((item) => `<li>${link(item.to, t.nav[item.key], 'nav-link')}</li>`).join('');
  const footer = FOOTER_LINKS.map((item) => `<li>${link(item.to, t.footer[item.key], 'ds-link')}</li>`).join('');
  return `<div class="app">
<a class="ds-skip-link" href="#main">${escape(t.nav.skip)}</a>
<header class="site-header"><div class="container header-top">
<a class="wordmark" href="/"><span class="wordmark-mark" aria-hidden="true"></span><span class="wordmark-text">${escape(t.app.name)}</span></a>
<div class="header-tools">${link('/hjelp', t.help.now, 'help-now')}<span class="ds-button shell-pending" data-variant="tertiary" data-size="sm" aria-hidden="true">${escape(t.language.switchTo)}</span></div>
</div><div class="container header-bottom">
<nav aria-label="${escape(t.nav.label)}" class="main-nav"><ul>${nav}</ul></nav>
<div class="account-area">${link('/logg-inn', t.nav.login, 'ds-link account-link')}${link('/registrer', t.nav.register, 'ds-link account-link')}</div>
</div></header>
<main id="main" tabindex="-1" class="container site-main">
<div class="page-header"><h1 class="ds-heading" data-size="lg" tabindex="-1">${escape(t.help.title)}</h1><p class="ds-paragraph lead" data-size="lg">${escape(t.help.lead)}</p></div>
<div class="ds-alert block emergency" data-color="warning"><h2 class="ds-heading" data-size="sm">${escape(t.help.emergencyHeading)}</h2><p class="ds-paragraph">${escape(t.help.emergencyText)}</p></div>
<section aria-labelledby="lines-heading" class="section"><h2 class="ds-heading" id="lines-heading" data-size="sm">${escape(t.help.linesHeading)}</h2><ul class="helplines">${helplines(t)}</ul></section>
<section aria-labelledby="forum-help-heading" class="section"><h2 class="ds-heading" id="forum-help-heading" data-size="sm">${escape(t.help.forumHeading)}</h2><p class="ds-paragraph">${escape(t.help.forumText)}</p></section>
</main>
<footer class="site-footer"><div class="container footer-inner"><p class="footer-note">${escape(t.footer.notEmergency)}</p>
<nav aria-label="${escape(t.footer.label)}"><ul class="footer-links">${footer}</ul></nav></div></footer>
</div>`;
}

const SHELL = /<div id="root">[\s\S]*?<\/main>\s*<\/div>/;

/** Emits hjelp.html beside index.html: the help page in the HTML, the app's style sheet linked. */
export function helpPage(): Plugin {
  return {
    name: 'erfaringsforum-help-page',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const index = bundle['index.html'];
      if (!index || index.type !== 'asset') this.error('index.html is not in the bundle');
      const css = Object.keys(bundle).find((f) => /^assets\/styles-[^/]+\.css$/.test(f));
      if (!css) this.error('the app style sheet (assets/styles-*.css) is not in the bundle');
      const html = String(index.source);
      if (!SHELL_STYLE.test(html)) this.error("index.html's inline shell style was not found");
      if (!SHELL.test(html)) this.error('index.html\'s static shell (<div id="root"> … </main></div>) was not found');
      const page = html
        .replace('<title>Erfaringsforum</title>', `<title>${escape(nb.help.title)} – ${escape(nb.app.name)}</title>`)
        .replace(SHELL_STYLE, `<link rel="stylesheet" href="/${css}" />`)
        .replace(SHELL, `<div id="root">${helpMarkup()}</div>`);
      this.emitFile({ type: 'asset', fileName: 'hjelp.html', source: page });
    },
  };
}
