// The guards themselves must be able to fail: each fixture breaks exactly one rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { suite, visitor, checkScreen, ROOT } from '../lib/harness.js';

const env = suite({ '/': path.join(ROOT, 'tests/e2e/fixtures') });

async function check(fixture) {
  const { context, page, record } = await visitor(env.browser);
  try {
    await page.goto(`${env.server.origin}/${fixture}`);
    await page.waitForLoadState('networkidle');
    await checkScreen(page, record, `guard-${path.basename(fixture, '.html')}`);
    return null;
  } catch (e) {
    return e.message;
  } finally {
    await context.close();
  }
}

test('a clean page passes every guard', async () => {
  assert.equal(await check('clean.html'), null);
});

test('a console error fails the screen', async () => {
  assert.match(await check('console-error.html') ?? '', /console error: deliberate error/);
});

test('a request to another host fails the screen', async () => {
  assert.match(await check('offsite-request.html') ?? '', /request off 127\.0\.0\.1: http:\/\/203\.0\.113\.7/);
});

test('an axe violation fails the screen', async () => {
  const message = await check('axe-violation.html') ?? '';
  assert.match(message, /axe: image-alt/);
  assert.match(message, /axe: button-name/);
});

test('a cookie fails the screen', async () => {
  assert.match(await check('cookie.html') ?? '', /cookie set: tracker/);
});
