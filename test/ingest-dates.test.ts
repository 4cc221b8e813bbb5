import { describe, expect, it } from 'vitest';
import { articleKey, normaliseDate } from '../src/app/ingest/index.js';
import { closestYear, findDateHeader, findDateline } from '../src/app/ingest/dates.js';

describe('normaliseDate', () => {
  it.each([
    ['2024-03-28', '2024-03-28'],
    ['2024-3-8', '2024-03-08'],
    ['2024/03/28', '2024-03-28'],
    ['2024-03-28T14:05:09Z', '2024-03-28T14:05:09Z'],
    ['2024-03-28T14:05:09.123Z', '2024-03-28T14:05:09Z'],
    ['2024-03-28T14:05:09+00:00', '2024-03-28T14:05:09Z'],
    ['2025-03-14 20:30:26Z', '2025-03-14T20:30:26Z'], // Voice of America
    // A local time keeps its local calendar day rather than being shifted to UTC.
    ['2024-03-28T23:30:00-05:00', '2024-03-28'],
    ['2024-03-28T10:00:00', '2024-03-28'],
    ['Thu, 28 Mar 2024 14:00:00 GMT', '2024-03-28T14:00:00Z'],
    ['Thu, 28 Mar 2024 14:00:00 +0000', '2024-03-28T14:00:00Z'],
    ['Sat, 24 Feb 2024 18:30:00 +0100', '2024-02-24'],
    ['28 Mar 2024 14:00 EST', '2024-03-28'],
    ['10 December 2021', '2021-12-10'],
    ['December 10, 2021', '2021-12-10'],
    ['Dec. 10, 2021', '2021-12-10'],
    ['Sept 3, 2021', '2021-09-03'],
    ['Friday, March 3rd, 2023', '2023-03-03'],
    ['March 3, 2023 at 4:15 PM GMT', '2023-03-03T16:15:00Z'],
    ['20240328', '2024-03-28'],
    ['1711634400', '2024-03-28T14:00:00Z'],
    ['28/03/2024', '2024-03-28'],
    ['03/28/2024', '2024-03-28'],
  ])('%s -> %s', (input, expected) => {
    expect(normaliseDate(input)).toBe(expected);
  });

  it.each([
    'sometime soon', '', 'yesterday', '2024', '2024-03', 'March 2024', '2024-02-30', '2023-02-29', '2024-13-01',
    '03/04/2024', // day and month both <= 12: ambiguous
    '2024-03-28T25:00:00Z', '0000-01-01',
  ])('%j -> null', (input) => {
    expect(normaliseDate(input)).toBeNull();
  });

  it('accepts a leap day only in a leap year', () => {
    expect(normaliseDate('2024-02-29')).toBe('2024-02-29');
    expect(normaliseDate('29 February 2023')).toBeNull();
  });
});

describe('date header', () => {
  it('finds the seed form: leading space, article on the same line', () => {
    const text = ' date 2024-03-28 In a move that has sent ripples...';
    const h = findDateHeader(text);
    expect(h?.value).toBe('2024-03-28');
    expect(text.slice(h!.end)).toBe('In a move that has sent ripples...');
  });

  it('finds a header on its own line and "Date:" forms', () => {
    expect(findDateHeader('date 2024-03-28\nText')?.end).toBe(16);
    expect(findDateHeader('Date: 28 March 2024\n\nText')?.value).toBe('2024-03-28');
    expect(findDateHeader('Published: March 28, 2024\nText')?.value).toBe('2024-03-28');
  });

  it('does not take ordinary openings for a header', () => {
    expect(findDateHeader('Date palms grow in the Sahel.')).toBeNull();
    expect(findDateHeader('The date 2024-03-28 was chosen.')).toBeNull();
  });
});

describe('dateline', () => {
  it('reads "Niamey, 10 December 2021 (TDI):"', () => {
    const d = findDateline('Niamey, 10 December 2021 (TDI): United States Secretary Antony J. Blinken spoke');
    expect(d).toMatchObject({ place: 'Niamey', value: '2021-12-10' });
  });

  it('reads common wire forms', () => {
    expect(findDateline('PARIS, Jan. 5, 2024 (AFP) — France said')?.value).toBe('2024-01-05');
    expect(findDateline('KYIV, Ukraine, March 3, 2022 - Shelling')?.value).toBe('2022-03-03');
    expect(findDateline('NEW YORK, March 3, 2024 /PRNewswire/ -- A company')?.value).toBe('2024-03-03');
    expect(findDateline('MOSCOW | Mon Jul 18 , 2011 7:12 am EDT MOSCOW -LRB- Reuters -RRB- - Russia')?.value).toBe('2011-07-18');
  });

  it('keeps a year-less dateline as month and day only', () => {
    const d = findDateline('WASHINGTON, March 3 (Reuters) - The United States');
    expect(d).toMatchObject({ place: 'WASHINGTON', value: null, monthDay: { month: 3, day: 3 }, raw: 'March 3' });
  });

  it('looks past a short title paragraph but not into the body', () => {
    expect(findDateline('Niger ends pact\n\nNIAMEY, March 17, 2024 (Reuters) - Niger')?.value).toBe('2024-03-17');
    const long = 'A'.repeat(300) + '.\n\nNIAMEY, March 17, 2024 (Reuters) - Niger';
    expect(findDateline(long)).toBeNull();
  });

  it('ignores openings that are not datelines', () => {
    expect(findDateline('Niamey, the capital, was calm.')).toBeNull();
    expect(findDateline('On 10 December 2021 the talks began.')).toBeNull();
    expect(findDateline('LONDON (Reuters) - No date here')).toBeNull();
  });

  it('places a year-less date in the year nearest a reference date', () => {
    expect(closestYear({ month: 3, day: 3 }, '2024-03-05')).toBe('2024-03-03');
    expect(closestYear({ month: 12, day: 30 }, '2024-01-02')).toBe('2023-12-30');
    expect(closestYear({ month: 1, day: 2 }, '2023-12-30T10:00:00Z')).toBe('2024-01-02');
  });
});

describe('articleKey', () => {
  it('is the same for the same text re-wrapped, re-spaced or in another Unicode form', () => {
    const a = articleKey('Niger and Mali signed a pact in Niamey.');
    expect(articleKey('  Niger and Mali\nsigned a   pact\r\n in Niamey.\n')).toBe(a);
    // "é" precomposed vs e + combining acute
    expect(articleKey('Caf\u00e9 talks')).toBe(articleKey('Cafe\u0301 talks'));
    expect(a).toMatch(/^[0-9a-f]{32}$/);
  });

  it('differs when the words differ', () => {
    expect(articleKey('Niger and Mali signed a pact.')).not.toBe(articleKey('Niger and Chad signed a pact.'));
    expect(articleKey('Niger signed.')).not.toBe(articleKey('niger signed.'));
  });
});
