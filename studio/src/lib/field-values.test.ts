import type { FieldDefinition } from '@trellis/metadata';
import { cellText, durationFromInput, durationInputText, filterOperand, linkFromInput, ratingLabel, ratingMax, richTextPreview, safeRichTextHtml, starsText } from './field-values.js';

const field = (type: string, extra: Partial<FieldDefinition> = {}): FieldDefinition => ({ type, label: 'F', ...extra });

describe('rating helpers', () => {
  it('names a rating for screen readers and draws it as stars', () => {
    expect(ratingLabel(4, 5)).toBe('Rating, 4 of 5');
    expect(ratingLabel(null, 5, 'Stars')).toBe('Stars, not rated');
    expect(starsText(4, 5)).toBe('★★★★☆');
    expect(starsText(null, 3)).toBe('☆☆☆');
    expect(ratingMax(field('rating'))).toBe(5);
    expect(ratingMax(field('rating', { max: 10 }))).toBe(10);
  });
});

describe('rich text rendering', () => {
  it.each([
    ['<p>a</p><script>alert(1)</script>', '<p>a</p>'],
    ['<img src=x onerror="alert(1)">', ''],
    ['<a href="javascript:alert(1)">x</a>', '<a>x</a>'],
    ['<svg onload="alert(1)"></svg>', ''],
    ['<style>body{}</style><p style="color:red">s</p>', '<p>s</p>'],
  ])('renders %j only as safe HTML', (value, safe) => {
    expect(safeRichTextHtml(value)).toBe(safe);
  });

  it('renders nothing for a value that is not text, and previews the text only', () => {
    expect(safeRichTextHtml(null)).toBe('');
    expect(safeRichTextHtml({ html: '<script>' })).toBe('');
    expect(richTextPreview('<h2>Title</h2><p>Tom &amp; <b>Jerry</b><script>x</script></p>')).toBe('TitleTom & Jerry');
    expect(richTextPreview(`<p>${'word '.repeat(50)}</p>`, 20)).toBe('word word word word…');
  });
});

describe('linkFromInput', () => {
  it('accepts http, https and mailto links, completing bare addresses', () => {
    expect(linkFromInput('https://example.com/x')).toEqual({ url: 'https://example.com/x' });
    expect(linkFromInput('example.com')).toEqual({ url: 'https://example.com' });
    expect(linkFromInput('ann@example.com')).toEqual({ url: 'mailto:ann@example.com' });
  });

  it('refuses other schemes and text that is no address', () => {
    expect(linkFromInput('javascript:alert(1)')).toEqual({ error: 'Only http, https and mailto links are allowed' });
    expect(linkFromInput(' jav\tascript:alert(1)')).toEqual({ error: 'Only http, https and mailto links are allowed' });
    expect(linkFromInput('data:text/html,x')).toEqual({ error: 'Only http, https and mailto links are allowed' });
    expect(linkFromInput('hello')).toHaveProperty('error');
    expect(linkFromInput('  ')).toEqual({ error: 'Enter a link address' });
  });
});

describe('duration input', () => {
  it('shows seconds as 1h 30m and reads what people type', () => {
    expect(durationInputText(5400)).toBe('1h 30m');
    expect(durationInputText(undefined)).toBe('');
    expect(durationFromInput('2d 4h')).toEqual({ value: 187200 });
    expect(durationFromInput(' ')).toEqual({ value: null });
    expect(durationFromInput('soon')).toEqual({ error: 'Enter a duration such as 1h 30m, 2d 4h or 45m' });
  });
});

describe('cellText', () => {
  it('reads ratings, durations, rich text and auto-numbers for list cells', () => {
    expect(cellText('rating', field('rating', { label: 'Stars' }), 3)).toEqual({ text: '★★★☆☆', label: 'Stars, 3 of 5' });
    expect(cellText('duration', field('duration'), 5400)).toEqual({ text: '1h 30m', label: '1 hour 30 minutes' });
    expect(cellText('richText', field('richText'), '<p>Hi <img src=x onerror=alert(1)>there</p>')).toEqual({ text: 'Hi there' });
    expect(cellText('autoNumber', field('autoNumber'), 'INV-00042')).toEqual({ text: 'INV-00042' });
    expect(cellText('text', field('text'), 'x')).toBeUndefined();
  });
});

describe('filterOperand', () => {
  it('turns durations into seconds and numbers into numbers, by the registry', () => {
    expect(filterOperand(field('duration'), '1h 30m')).toBe(5400);
    expect(filterOperand(field('duration'), ['1h', '2h'])).toEqual([3600, 7200]);
    expect(filterOperand(field('rating'), '4')).toBe(4);
    expect(filterOperand(field('decimal'), '2.5')).toBe(2.5);
    expect(filterOperand(field('autoNumber'), 'INV-1')).toBe('INV-1');
    expect(filterOperand(field('text'), '42')).toBe('42');
  });
});
