import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../i18n/index.ts';
import { compose } from './notify.ts';
import { checkTemplate, fill, missingTranslations, shippedTemplate, TEMPLATE_KEYS } from './templates.ts';

describe('shipped templates', () => {
  it('exist in every language (a missing one falls back to English and is listed here)', () => {
    expect(missingTranslations()).toEqual([]);
  });

  it.each(LANGUAGES)('pass the editor’s own check in %s', (language) => {
    for (const key of TEMPLATE_KEYS) {
      const text = shippedTemplate(key, language);
      expect(text.language).toBe(language);
      expect({ key, problems: checkTemplate(key, text) }).toEqual({ key, problems: [] });
    }
  });

  it('speak politely in each language', () => {
    const body = (lang: string) =>
      compose(shippedTemplate('return_received', lang), lang, {
        customer_name: 'Anna',
        store_name: 'Shop',
        number: 'R-1',
        order_number: '1042',
      }).body;
    expect(body('de')).toMatch(/\bIhr(e|en)?\b/); // Sie-form
    expect(body('de')).not.toMatch(/\bdein|\bdu\b/i);
    expect(body('ru')).toMatch(/ваш|вас|вам/i);
    expect(body('zh-Hans')).toContain('您');
    expect(body('ja')).toMatch(/ます|です/);
    expect(body('fr')).toMatch(/\bvotre|\bvous\b/);
  });
});

describe('the store’s own text', () => {
  it('refuses unknown variables, stray braces and a subject without the number', () => {
    const problems = checkTemplate('return_rejected', {
      subject: 'Your return',
      body: 'Hello {{customer}}, {{reason}} {{ store_name }} {oops}} ',
    });
    expect(problems.map((p) => `${p.field}:${p.code}`).sort()).toEqual([
      'body:unbalanced_braces',
      'body:unknown_variable',
      'subject:number_missing',
    ]);
    expect(problems.find((p) => p.code === 'unknown_variable')?.message).toContain('{{customer}}');
  });

  it('fills variables and leaves no braces behind', () => {
    expect(fill('{{number}} for {{ order_number }} {{missing}}.', { number: 'R-1', order_number: '7' })).toBe(
      'R-1 for 7 .',
    );
  });

  it('greets by name, or without one, and signs off with the store', () => {
    const withName = compose({ subject: 'S {{number}}', body: 'B' }, 'de', {
      customer_name: 'Anna Schmidt',
      store_name: 'Test Store',
      number: 'R-1',
    });
    expect(withName.subject).toBe('S R-1');
    expect(withName.body.startsWith('Guten Tag Anna Schmidt')).toBe(true);
    expect(withName.body).toContain('Test Store');
    const anonymous = compose({ subject: 'S', body: 'B' }, 'en', { store_name: 'Shop' });
    expect(anonymous.body.startsWith('Hello,\n\nB')).toBe(true);
  });
});
