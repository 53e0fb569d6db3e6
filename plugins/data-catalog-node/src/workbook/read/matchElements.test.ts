import { Entity } from '@backstage/catalog-model';
import { dataElement } from '@internal/plugin-data-catalog-common/testUtils';
import { ElementMatcher } from './matchElements';

function titled(name: string, title: string, cedsId?: string): Entity {
  const element = dataElement(name, cedsId ? { ceds: { id: cedsId } } : {});
  return { ...element, metadata: { name, title } };
}

const vocabulary = [
  titled('days-absent', 'Days absent', '000201'),
  titled('daily-attendance-status', 'Daily attendance status', '000076'),
  titled('ell-status', 'English learner status', '001000'),
  titled('enl-status', 'English learner status', '001001'),
];

describe('ElementMatcher', () => {
  const matcher = new ElementMatcher(vocabulary);

  it('finds an element by its name, in any case', () => {
    expect(matcher.byText('Days-Absent')).toEqual({
      name: 'days-absent',
      by: 'name',
    });
  });

  it('finds an element by its title, ignoring case, spaces and punctuation', () => {
    expect(matcher.byText('DAILY attendance-status')).toEqual({
      name: 'daily-attendance-status',
      by: 'title',
    });
  });

  it('finds an element by its name written with spaces', () => {
    expect(matcher.byText('days absent?')).toEqual({
      name: 'days-absent',
      by: 'title',
    });
    expect(matcher.byText('daily attendance status!')).toEqual({
      name: 'daily-attendance-status',
      by: 'title',
    });
  });

  it.each(['000076', '76', 'CEDS 000076', 'CEDS ID: 76'])(
    'finds an element by the CEDS ID "%s", leading zeros or not',
    text => {
      expect(matcher.byText(text)).toEqual({
        name: 'daily-attendance-status',
        by: 'CEDS ID',
      });
    },
  );

  it('lists every element a shared title matches', () => {
    expect(matcher.byText('English learner status')).toEqual({
      ambiguous: ['ell-status', 'enl-status'],
      by: 'title',
    });
  });

  it('finds nothing for an element the vocabulary lacks', () => {
    expect(matcher.byText('Reading level')).toBeUndefined();
    expect(matcher.byText('999999')).toBeUndefined();
  });

  it('finds an element by an Element ID written as a name or a reference', () => {
    expect(matcher.byId('days-absent')).toEqual({
      name: 'days-absent',
      by: 'element ID',
    });
    expect(matcher.byId('dataelement:default/Days-Absent')).toEqual({
      name: 'days-absent',
      by: 'element ID',
    });
    expect(matcher.byId('Days absent')).toBeUndefined();
  });

  it('finds an element added during the import by its name', () => {
    const local = new ElementMatcher(vocabulary);

    local.add('reading-level');

    expect(local.has('Reading-Level')).toBe(true);
    expect(local.byText('Reading level')).toEqual({
      name: 'reading-level',
      by: 'name',
    });
  });
});
