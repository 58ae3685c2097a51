import type { FieldDefinition } from '../types.js';
import { getFieldType } from './registry.js';
import { richTextFieldType as richText, richTextPlainText } from './rich-text.js';

const f = (extra: Partial<FieldDefinition> = {}): FieldDefinition => ({ type: 'richText', label: 'Notes', ...extra });

describe('richText field type', () => {
  it('is sanitized HTML in a text column: searchable, not sortable, not unique', () => {
    expect(richText.columns(f())).toEqual([{ suffix: '', sqlType: 'text' }]);
    expect(richText.graphql(f())).toEqual({ output: 'String', input: 'String' });
    expect(richText.jsonSchema(f({ maxLength: 10 }))).toEqual({ type: 'string' });
    expect(richText.normalizer).toBe('html');
    expect(richText.filterOperators).toEqual(['like', 'ilike', 'isNull']);
    expect(richText.sortable).toBe(false);
    expect(richText.supportsUnique).toBe(false);
  });

  it('counts maxLength in text characters, not markup', () => {
    expect(richTextPlainText('<p>Hi <b>there</b> &amp; &lt;you&gt; &#39;x&#x27;</p>')).toBe("Hi there & <you> 'x'");
    expect(richText.checkValue!(f({ maxLength: 5 }), '<p><strong>Hello</strong></p>')).toEqual([]);
    expect(richText.checkValue!(f({ maxLength: 4 }), '<p><strong>Hello</strong></p>')).toEqual(['must be at most 4 characters (it has 5)']);
    expect(richText.checkValue!(f(), '<p>anything</p>')).toEqual([]);
  });

  it('escapes plain text into one paragraph when a text field becomes rich text, and strips tags the other way', () => {
    expect(richText.convertFrom!({ type: 'longText', label: 'X' }, f(), '"x"')).toBe(
      `CASE WHEN "x" IS NULL OR "x" = '' THEN "x" ELSE '<p>' || replace(replace(replace(replace("x", '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), E'\\n', '<br>') || '</p>' END`,
    );
    expect(richText.losslessFrom).toContain('text');
    expect(richText.convertFrom!({ type: 'integer', label: 'X' }, f(), '"x"')).toBeNull();
    const toText = getFieldType('longText').convertFrom!(f(), { type: 'longText', label: 'X' }, '"x"')!;
    expect(toText).toMatch(/^btrim\(replace\(.*regexp_replace\(regexp_replace\("x", '<br\\s\*\/\?>\|<\/\(p\|li\|h2\|h3\|blockquote\|pre\)>', E'\\n', 'gi'\), '<\[\^>\]\*>', '', 'g'\)/);
    expect(getFieldType('longText').losslessFrom).not.toContain('richText');
  });
});
