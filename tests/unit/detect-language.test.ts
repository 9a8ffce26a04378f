import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/detect-language.js';

describe('detectLanguage', () => {
  it('tells nl, en, de and fr apart', async () => {
    expect(await detectLanguage('Het kabinet is dinsdagavond gevallen na een lang overleg over het stikstofbeleid.')).toBe('nl');
    expect(await detectLanguage('The government collapsed on Tuesday evening after long talks about nitrogen policy.')).toBe('en');
    expect(await detectLanguage('Die Regierung ist am Dienstagabend nach langen Gesprächen über die Stickstoffpolitik gescheitert.')).toBe('de');
    expect(await detectLanguage('Le gouvernement est tombé mardi soir après de longues discussions sur la politique agricole.')).toBe('fr');
  });

  it('reads other languages and scripts too', async () => {
    expect(await detectLanguage('El Gobierno anunció el lunes un nuevo plan de vivienda para los jóvenes de todo el país.')).toBe('es');
    expect(await detectLanguage('Правительство объявило в понедельник о новом плане строительства жилья для молодых семей.')).toBe('ru');
  });

  it('is not thrown by a pipe in a headline or a short German teaser', async () => {
    // tinyld, the detector before, read the first as Hindi and the second as Klingon.
    expect(await detectLanguage('Opinion | Fixing the booking system\nThe Government has made some much-needed changes to the booking system after the original one was heavily criticised.')).toBe('en');
    expect(await detectLanguage('Einigung bei VW - Alle Werke bleiben\nEs soll keine Kündigungen geben, zudem sollen alle Werke erhalten bleiben.')).toBe('de');
  });

  it('gives up on scraps rather than guess', async () => {
    expect(await detectLanguage('OK')).toBeNull();
    expect(await detectLanguage('Qx vb zr pl. Tk mn wq rs.')).toBeNull();
  });
});
