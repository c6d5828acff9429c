import { describe, expect, it } from 'vitest';
import { directionOf, format, loadStrings, resolveLocale } from './i18n.ts';
import { luminance, parseColor, resolveSettings, textColorOn } from './settings.ts';

describe('settings', () => {
  it('has defaults for everything', () => {
    const settings = resolveSettings({});
    expect(settings).toMatchObject({
      position: 'right',
      color: null,
      locale: 'en',
      dir: 'ltr',
      title: 'Chat with us',
      open: false,
      hideLauncher: false,
      trackPageViews: true,
    });
  });

  it('reads data-* attribute strings the way people write them', () => {
    const settings = resolveSettings({
      position: 'left',
      open: '',
      hideLauncher: 'true',
      trackPageViews: 'false',
      title: '  Help  ',
    });
    expect(settings).toMatchObject({
      position: 'left',
      open: true,
      hideLauncher: true,
      trackPageViews: false,
      title: 'Help',
    });
    expect(resolveSettings({ open: 'false' }).open).toBe(false);
    expect(resolveSettings({ position: 'top' }).position).toBe('right');
  });

  it('takes the locale from the settings, then the browser, then English', async () => {
    await loadStrings('fr');
    expect(resolveLocale('fr-CA', ['ar'])).toBe('fr');
    expect(resolveLocale(undefined, ['de-DE', 'ar-EG'])).toBe('ar');
    expect(resolveLocale('xx', ['de'])).toBe('en');
    const french = resolveSettings({}, ['fr-FR']);
    expect(french.title).toBe('Discutons');
    expect(french.strings.send).toBe('Envoyer');
  });

  it('speaks English until a locale’s words have loaded', async () => {
    expect(resolveSettings({ locale: 'ar' }).strings.send).toBe('Send');
    await loadStrings('ar');
    expect(resolveSettings({ locale: 'ar' }).strings.send).toBe('إرسال');
  });

  it('lays Arabic out right to left', () => {
    expect(directionOf('ar')).toBe('rtl');
    expect(resolveSettings({ locale: 'ar' }).dir).toBe('rtl');
    expect(directionOf('fr')).toBe('ltr');
  });

  it('keeps a custom title and greeting over the translated defaults', async () => {
    await loadStrings('fr');
    const settings = resolveSettings({ locale: 'fr', greeting: 'Salut !' });
    expect(settings.greeting).toBe('Salut !');
    expect(settings.title).toBe('Discutons');
  });

  it('accepts only hex colours, and picks readable text on them', () => {
    expect(parseColor('#0a7')).toBe('#0a7');
    expect(parseColor('#0F766E')).toBe('#0F766E');
    for (const bad of ['red', '#12345', 'url(x)', '#fff;background:red', 12]) expect(parseColor(bad)).toBeNull();
    expect(textColorOn('#ffd400')).toBe('#111827');
    expect(textColorOn('#1e3a8a')).toBe('#ffffff');
    expect(luminance('#ffffff')).toBeCloseTo(1);
    expect(luminance('#000')).toBeCloseTo(0);
    expect(resolveSettings({ color: '#ffd400' }).onColor).toBe('#111827');
  });

  it('fills placeholders', () => {
    expect(format('{n} unread', { n: 3 })).toBe('3 unread');
    expect(format('{missing}', {})).toBe('{missing}');
  });
});

describe('the locales', () => {
  it('have every word English has, once their parts have loaded', async () => {
    const { ar, en, fr } = await import('./test-strings.ts');
    for (const strings of [fr, ar]) expect(Object.keys(strings).sort()).toEqual(Object.keys(en).sort());
  });

  it('complete a loaded locale in place, so the panel holding it reads the parts’ words too', async () => {
    const { loadMoreStrings, stringsFor } = await import('./i18n.ts');
    const arabic = await loadStrings('ar');
    expect(arabic.start).toBeUndefined();
    await loadMoreStrings('ar');
    expect(stringsFor('ar')).toBe(arabic);
    expect(arabic.start).toBe('ابدأ المحادثة');
  });
});
