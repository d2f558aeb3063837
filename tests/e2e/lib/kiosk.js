// Every kiosk page the e2e suite opens is opened here (specs/kiosk.test.js, specs/soak.test.js). A kiosk
// is the operator's to make: its settings are the `widget.conf` beside index.html (a link cannot make a
// kiosk, see SECURITY.md), so each kiosk is the build served again under `<prefix>op/<name>/` with its
// own widget.conf.
import { ROOT } from './harness.js';
import path from 'node:path';

/** A preview time at which the 2016 edition is open. */
export const OPEN_NOW = '2016-04-01T10:00';

/** The folder name of a kiosk with these settings. */
const kioskName = ({ idle, qrBase } = {}) => `idle-${idle ?? 'default'}${qrBase ? '-qr' : ''}`;

/** The operator's widget.conf of a kiosk with these settings. */
const kioskConf = ({ idle, qrBase } = {}) =>
  ['kiosk = 1', idle !== undefined && `idle = ${idle}`, qrBase && `qr-base = ${qrBase}`].filter(Boolean).join('\n') + '\n';

/**
 * `serve`/`suite` arguments: `mounts` (default: dist at /), plus, under each of `prefixes`, every kiosk of
 * `kiosks` (settings objects) at `<prefix>op/<name>/` with its widget.conf.
 */
export function kioskServe(kiosks, mounts = { '/': path.join(ROOT, 'dist') }, options = {}, prefixes = ['/']) {
  const all = { ...mounts };
  const routes = { ...(options.routes ?? {}) };
  for (const prefix of prefixes) {
    for (const kiosk of kiosks) {
      const at = `${prefix}op/${kioskName(kiosk)}/`;
      all[at] = mounts[prefix] ?? mounts['/'];
      routes[`${at}widget.conf`] = { body: kioskConf(kiosk), type: 'text/plain; charset=utf-8' };
    }
  }
  return [all, { ...options, routes }];
}

/**
 * Opens the kiosk with these settings (`idle` seconds, `qrBase` for the QR code: it must be among those
 * `kioskServe` served) under `path` at `origin`, with `now` as the preview time (null: the clock).
 */
export async function kioskPage(page, origin, { idle, qrBase, now = OPEN_NOW, path: prefix = '/' } = {}) {
  return page.goto(`${origin}${prefix}op/${kioskName({ idle, qrBase })}/${now ? `?now=${now}` : ''}`);
}

/** The folder of a kiosk with these settings under `prefix` (for a test's own routes). */
export const kioskPath = (settings, prefix = '/') => `${prefix}op/${kioskName(settings)}/`;
