// Prerendering of the start page, for scripts/postbuild.mjs: renders the built widget once in headless
// Chromium (Debian's, through the e2e suite's playwright-core; nothing is downloaded) and returns the
// start page's markup (Italian, default edition, the build's clock), for index.html's #welfare-check, so
// the page shows something useful before the wasm has loaded.
//
// The copy is made inert: every button becomes a link that works without the wasm (the start button to
// the first step's fragment, the language switch to `?lang=…`), so nothing pretends to be the live widget;
// it carries `data-wc-prerendered`, which the stylesheet hides unless the page's loader (start.js) finds
// that the URL asks for this very page; `mount` replaces it with the live widget.
import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../tests/e2e/lib/server.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Renders `dir` (a built widget whose start.js has no prerender yet) and returns
 * `{ html, lang, call, until }`: the markup, its language and edition id, and when it stops being true
 * (the deadline in ms since 1970 UTC if the call was open at build time, else null).
 */
export async function prerender(dir) {
  const require = createRequire(path.join(root, 'tests/e2e/package.json'));
  let chromium;
  try {
    ({ chromium } = require('playwright-core'));
  } catch {
    throw new Error('prerender: playwright-core is missing (run `make setup`, or build with WC_PRERENDER=0)');
  }
  const server = await serve({ '/': dir });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
    await context.route((url) => !url.toString().startsWith(server.origin), (route) => route.abort());
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(`${server.origin}/`);
    const start = page.locator('#welfare-check .wc-button--start');
    await start.waitFor({ timeout: 30_000 });
    if (errors.length) throw new Error(`prerender: the page logged errors: ${errors.join('; ')}`);

    const rendered = await page.evaluate(() => {
      const app = document.querySelector('#welfare-check > .wc-app');
      const copy = app.cloneNode(true);
      copy.setAttribute('data-wc-prerendered', '');
      copy.querySelector('#wc-announcer')?.remove(); // the live widget's announcements
      const asLink = (button, href) => {
        const link = document.createElement('a');
        for (const a of button.attributes) if (a.name !== 'type') link.setAttribute(a.name, a.value);
        link.setAttribute('href', href);
        link.append(...button.childNodes);
        button.replaceWith(link);
        return link;
      };
      // The language switch: a link to the page in the other language.
      for (const button of copy.querySelectorAll('header button[lang]')) asLink(button, `?lang=${button.getAttribute('lang')}`);
      // The start button: a link to the first step (its fragment is set below).
      window.__wcStart = asLink(copy.querySelector('.wc-button--start'), '#');
      window.__wcCopy = copy;
      return { lang: app.getAttribute('lang'), caption: copy.querySelector('.wc-caption')?.textContent ?? '' };
    });
    // Where the live start button leads: the first step's fragment (`#/territorio`).
    await start.click();
    await page.waitForFunction(() => location.hash.length > 2);
    const html = await page.evaluate(() => {
      window.__wcStart.setAttribute('href', location.hash);
      return window.__wcCopy.outerHTML;
    });
    await context.close();

    if (/<button\b/.test(html)) throw new Error(`prerender: a button is left in the start page:\n${html}`);
    if (/\sstyle=/.test(html)) throw new Error('prerender: an inline style would break a strict CSP');
    const call = await callOfCaption(rendered.caption);
    const until = Date.now() < call.deadline ? call.deadline : null;
    return { html, lang: rendered.lang, call: call.id, until };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The edition (id and deadline) whose Italian `edition` text is `caption`, from data/calls/*.toml. */
async function callOfCaption(caption) {
  const dir = path.join(root, 'data/calls');
  const found = [];
  for (const file of (await readdir(dir)).filter((f) => f.endsWith('.toml')).sort()) {
    // Top-level keys come before the first table header.
    const top = (await readFile(path.join(dir, file), 'utf8')).split(/^\[/m)[0];
    const id = top.match(/^id\s*=\s*"([^"]+)"/m)?.[1];
    const edition = top.match(/^edition\s*=\s*\{[^}]*\bit\s*=\s*"([^"]+)"/m)?.[1];
    const deadline = top.match(/^deadline\s*=\s*"(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)"/m);
    if (id && deadline && edition === caption.trim()) found.push({ id, deadline: romeToUtc(deadline.slice(1).map(Number)) });
  }
  if (found.length !== 1) throw new Error(`prerender: ${found.length} call files in data/calls have the edition "${caption}"`);
  return found[0];
}

/** Ms since 1970 UTC of a wall-clock time in Italy ([year, month, day, hour, minute]). */
function romeToUtc([year, month, day, hour, minute]) {
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Rome', hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric',
  });
  const offset = (t) => {
    const p = Object.fromEntries(format.formatToParts(t).map((x) => [x.type, Number(x.value)]));
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) - t;
  };
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  return wall - offset(wall - offset(wall));
}
