import { scheduleFromText } from './schedule-text.js';
import { osloInstant } from './oslo-time.js';

describe('opening times typed in words', () => {
  it.each([
    ['Tirsdager kl. 18–20', { freq: 'WEEKLY', interval: 1, byday: 'TU', opens_at: '18:00', closes_at: '20:00' }],
    ['mandag og torsdag 10.30-12', { freq: 'WEEKLY', byday: 'MO,TH', opens_at: '10:30', closes_at: '12:00' }],
    ['Annenhver lørdag kl 11–14', { freq: 'WEEKLY', interval: 2, byday: 'SA', opens_at: '11:00', closes_at: '14:00' }],
    ['Første torsdag i måneden kl. 11–13', { freq: 'MONTHLY', byday: '1TH', opens_at: '11:00' }],
    ['Siste søndag i måneden', { freq: 'MONTHLY', byday: '-1SU', opens_at: null }],
    ['Tuesdays 18:00–20:00', { freq: 'WEEKLY', byday: 'TU', opens_at: '18:00' }],
  ])('should read %j into HSDS rule fields', (text, expected) => {
    expect(scheduleFromText(text)).toMatchObject({ ...expected, description: text });
  });

  it.each(['Ring for avtale', 'Hver dag', 'Etter avtale, ring 56 15 00 00', 'To ganger i måneden på tirsdager'])(
    'should keep %j as a description only when it names no clear rule',
    (text) => {
      expect(scheduleFromText(text)).toMatchObject({ freq: null, byday: null, description: text });
    },
  );
});

describe('wall-clock times in Oslo', () => {
  it('should be an hour ahead of UTC in winter and two in summer', () => {
    expect(osloInstant('2026-01-06', '18:00').toISOString()).toBe('2026-01-06T17:00:00.000Z');
    expect(osloInstant('2026-06-02', '18:00').toISOString()).toBe('2026-06-02T16:00:00.000Z');
  });
});
