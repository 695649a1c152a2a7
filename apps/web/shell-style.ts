// index.html's static shell paints with its few rules inline: on a slow phone link a style sheet
// is one more round trip, sharing the line with the app's scripts, before anything shows
// (issue 19). The server allows exactly these styles by their hash in its CSP (app.factory).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const LINK = '<link rel="stylesheet" href="/shell.css" />';
/** The inlined shell style in the built index.html. */
export const SHELL_STYLE = /<style>[\s\S]*?<\/style>/;

export function inlineShellStyle(): Plugin {
  return {
    name: 'erfaringsforum-inline-shell-style',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        if (!html.includes(LINK)) throw new Error(`index.html no longer links ${LINK}`);
        const css = readFileSync(fileURLToPath(new URL('public/shell.css', import.meta.url)), 'utf8').trim();
        return html.replace(LINK, `<style>${css}</style>`);
      },
    },
  };
}
