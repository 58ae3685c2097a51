import { salesDocument } from '../testing/fixtures.js';
import type { MetadataDocument } from '../types.js';
import { validateDocument } from '../validate-document.js';
import { translationProblem } from './check-translations.js';
import { labelAt } from './label-pointer.js';

const withTranslations = (translations: Record<string, Record<string, string>>): MetadataDocument => ({ ...salesDocument(), translations });

describe('translations in the document', () => {
  it('accepts translations of entity, field and option labels, options by value or index', () => {
    const doc = withTranslations({
      de: {
        '/entities/company/label': 'Firma',
        '/entities/company/pluralLabel': 'Firmen',
        '/entities/company/fields/name/label': 'Name',
      },
      'pt-BR': { '/entities/opportunity/fields/stage/options/won/label': 'Ganha', '/entities/opportunity/fields/stage/options/0/label': 'Prospecção' },
    });
    expect(validateDocument(doc)).toEqual([]);
  });

  it('reports a locale that is not BCP 47, with how to name it', () => {
    const problems = validateDocument(withTranslations({ German: { '/entities/company/label': 'Firma' } }));
    expect(problems).toEqual([expect.objectContaining({ path: '/translations/German', code: 'translation-locale', message: expect.stringContaining('e.g. "de" or "pt-BR"') })]);
  });

  it('reports each bad pointer at its own path: not a pointer, not a label, no such label, empty text', () => {
    const problems = validateDocument(
      withTranslations({
        de: {
          'entities/company/label': 'Firma',
          '/entities/company/plural': 'firmen',
          '/entities/deal/label': 'Geschäft',
          '/entities/company/fields/name/options/x/label': 'X',
          '/entities/company/description': ' ',
        },
      }),
    );
    const at = (p: string) => problems.filter((x) => x.path === `/translations/de/${p.replace(/~/g, '~0').replace(/\//g, '~1')}`).map((x) => x.code);
    expect(at('entities/company/label')).toContain('translation-pointer');
    expect(at('/entities/company/plural')).toEqual(['translation-not-label']);
    expect(at('/entities/deal/label')).toEqual(['translation-stale']);
    expect(at('/entities/company/fields/name/options/x/label')).toEqual(['translation-stale']);
    expect(at('/entities/company/description')).toContain('translation-text');
  });

  it('tells how to fix a pointer whose label is gone', () => {
    expect(translationProblem(salesDocument(), '/entities/deal/label', 'Geschäft')?.message).toMatch(/renamed or removed\?.*point it at an existing label .* or remove the translation/);
  });

  it('resolves an option by its value before its index', () => {
    const doc = salesDocument();
    expect(labelAt(doc, '/entities/opportunity/fields/stage/options/won/label')).toBe(doc.entities.opportunity!.fields.stage!.options!.find((o) => o.value === 'won')!.label);
    expect(labelAt(doc, '/entities/opportunity/fields/stage/options/0/label')).toBe(doc.entities.opportunity!.fields.stage!.options![0]!.label);
    expect(labelAt(doc, '/entities/opportunity/fields/stage/options/99/label')).toBeUndefined();
  });
});
