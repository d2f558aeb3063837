// Steps of a visitor's journey through the widget, by mouse or by keyboard only.
// Every step ends with the screen checked by the guards (console, network, axe) and a screenshot.
import assert from 'node:assert/strict';
import { checkScreen } from './harness.js';

export class Journey {
  constructor(page, record, name, { keyboard = false } = {}) {
    Object.assign(this, { page, record, name, keyboard, n: 0 });
  }

  async screen(label) {
    this.n += 1;
    await checkScreen(this.page, this.record, `${this.name}-${String(this.n).padStart(2, '0')}-${label}`);
  }

  async heading(pattern) {
    const h1 = this.page.locator('h1');
    await h1.waitFor();
    await this.page.waitForFunction((source) => new RegExp(source).test(document.querySelector('h1')?.textContent ?? ''), pattern.source);
    return h1.textContent();
  }

  /** Activates a button by its accessible name: a click, or Tab until focused and Enter. */
  async press(name) {
    const button = this.page.getByRole('button', { name, exact: true }).first();
    if (!this.keyboard) { await button.click(); return; }
    await this.focus(button);
    await this.page.keyboard.press('Enter');
  }

  /** Moves focus with Tab (at most 200 presses) until `locator` has it. */
  async focus(locator) {
    const handle = await locator.elementHandle();
    for (let i = 0; i < 200; i += 1) {
      if (await handle.evaluate((el) => el === document.activeElement)) return;
      await this.page.keyboard.press('Tab');
    }
    throw new Error(`could not reach ${locator} with Tab`);
  }

  async fill(selector, text) {
    const field = this.page.locator(selector);
    if (this.keyboard) {
      await this.focus(field);
      await this.page.keyboard.press('Control+A');
      await this.page.keyboard.type(text);
    } else {
      await field.fill(text);
    }
  }

  async select(selector, value) {
    const field = this.page.locator(selector);
    if (this.keyboard) await this.focus(field);
    await field.selectOption(value);
  }

  async check(label) {
    const box = this.page.getByLabel(label, { exact: true });
    if (this.keyboard) {
      await this.focus(box);
      await this.page.keyboard.press('Space');
    } else {
      await box.check();
    }
  }

  async start() {
    await this.heading(/Welfare di Comunità/);
    await this.screen('start');
    await this.press(/Inizia la verifica/);
  }

  async territory({ province, municipality, pick }) {
    await this.heading(/Dove si svolge il progetto/);
    await this.select('#wc-province', province);
    await this.press('Aggiungi la provincia');
    if (municipality) {
      await this.fill('#wc-municipality', municipality);
      await this.page.locator('#wc-municipality-listbox [role=option]').first().waitFor();
      await this.page.locator('#wc-municipality').press('ArrowDown');
      await this.page.locator('#wc-municipality').press('Enter');
      await this.page.getByRole('heading', { name: 'Comuni scelti' }).waitFor();
      assert.match(await this.page.textContent('.wc-main'), pick);
    }
    await this.screen('territory');
    await this.press('Continua');
  }

  async network(members) {
    await this.heading(/La rete di partner/);
    for (const m of members) {
      await this.fill('#wc-member-name', m.name);
      await this.select('#wc-member-kind', m.kind);
      if (m.province) await this.select('#wc-member-province', m.province);
      await this.check(m.letter === false ? 'Non ancora' : 'Sì');
      await this.press('Aggiungi alla rete');
      await this.page.getByRole('heading', { name: new RegExp(escape(m.name)) }).first().waitFor();
    }
    await this.screen('network');
    await this.press('Continua');
  }

  async needs({ needs, description }) {
    await this.heading(/Il bisogno sociale/);
    for (const need of needs) await this.check(need);
    if (description) await this.fill('#wc-description', description);
    await this.screen('needs');
    await this.press('Continua');
  }

  async money({ cost, grant, share }) {
    await this.heading(/Costi e contributo/);
    await this.fill('#wc-total-cost', cost);
    await this.fill('#wc-grant', grant);
    if (share) {
      // The grant's share of the cost is computed live.
      await this.page.locator('.wc-main [role=status]', { hasText: share }).waitFor();
    }
    await this.screen('money');
    await this.press('Continua');
  }

  async merit(choices = []) {
    await this.heading(/Autovalutazione/);
    for (const label of choices) await this.check(label);
    await this.screen('merit');
    await this.press('Continua');
  }

  async review(expect) {
    await this.heading(/Controlla le risposte/);
    const text = await this.page.textContent('.wc-summary');
    for (const pattern of expect) assert.match(text, pattern);
    await this.screen('review');
    await this.press("Vedi l'esito");
  }

  /**
   * From the network step to the result, with a small admissible network: the Comune `town` and a
   * social cooperative in `province`, one need, a 60 % grant. Returns the result's text.
   */
  async admissibleNetwork({ town, province, need, cost = '1.500.000', grant = '900.000' }) {
    await this.network([
      { name: `Comune di ${town}`, kind: 'comune', province },
      { name: 'Cooperativa sociale Esempio', kind: 'social_cooperative', province },
    ]);
    await this.needs({ needs: [need] });
    await this.money({ cost, grant });
    await this.merit();
    await this.review([new RegExp(`Comune di ${town}`)]);
    return this.result();
  }

  async result() {
    await this.heading(/L'esito della verifica/);
    await this.page.locator('#wc-verdict').waitFor();
    await this.screen('result');
    return this.page.textContent('.wc-main');
  }
}

function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
