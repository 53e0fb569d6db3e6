import { findStudentRecords } from './findStudentRecords';

const kindsIn = (text: string) => findStudentRecords(text).map(f => f.kind);

describe('findStudentRecords', () => {
  describe('finds New York student IDs', () => {
    it.each([
      ['on its own', '1234567890'],
      ['in a sentence', 'Record for 2087654321 was blank.'],
      ['after a label', 'NYSSIS ID: 2087654321'],
      ['glued to a label', 'NYSSIS#2087654321'],
      ['in a file name', 'see IEP_2087654321.pdf'],
      ['in parentheses', 'the student (2087654321) moved'],
      ['typed in full-width digits', 'ID ２０８７６５４３２１'],
      ['with a zero-width space inside', 'ID 20876\u200b54321'],
      ['with a soft hyphen inside', 'ID 20876\u00ad54321'],
    ])('%s', (_what, text) => {
      expect(kindsIn(text)).toEqual(['student-id']);
    });

    it('masks all but the last two digits', () => {
      expect(findStudentRecords('ID 2087654321')).toEqual([
        { kind: 'student-id', masked: '********21', index: 3 },
      ]);
    });

    it('finds each of several, in order', () => {
      const found = findStudentRecords('2087654321 and 3087654322');
      expect(found.map(f => f.masked)).toEqual(['********21', '********22']);
    });
  });

  describe('finds social security numbers', () => {
    it.each([
      ['dashed', '123-45-6789'],
      ['dashed in a sentence', 'Her number is 123-45-6789, on file.'],
      ['with en dashes', '123–45–6789'],
      ['an ITIN-like 9xx number', '912-70-1234'],
      ['bare after SSN', 'SSN 123456789'],
      ['bare after SSN:', 'SSN: 123456789'],
      ['spaced after a label', 'Social Security Number 123 45 6789'],
      ['after SS#', 'SS# 123456789'],
      ['after soc. sec. no.', 'soc. sec. no. 123456789'],
      ['after "SSN is"', 'the SSN is 123456789'],
    ])('%s', (_what, text) => {
      expect(kindsIn(text)).toEqual(['ssn']);
    });

    it('masks all but the last two digits, keeping the dashes', () => {
      expect(findStudentRecords('123-45-6789')[0].masked).toBe('***-**-**89');
    });

    it('finds a dashed number after a label once', () => {
      expect(kindsIn('SSN: 123-45-6789')).toEqual(['ssn']);
    });
  });

  describe('finds dates of birth beside names', () => {
    it.each([
      ['Maria Lopez DOB 3/4/2012'],
      ['Maria Lopez, DOB: 03/04/2012'],
      ['Maria Lopez (DOB 3-4-12)'],
      ['Maria J. Lopez D.O.B. 3/4/2012'],
      ['Lopez, Maria DOB 03/04/2012'],
      ['Lopez, Maria (born 2012-03-04)'],
      ['LOPEZ, MARIA DOB 03/04/2012'],
      ['MARIA LOPEZ DOB 03/04/2012'],
      ["Maria Lopez's date of birth is March 4, 2012"],
      ["Maria's DOB is 2012-03-04"],
      ['Maria Lopez was born 2012-03-04'],
      ['Maria Lopez, born on 4 March 2012'],
      ['Seán O’Brien-Smith birthdate 2012/03/04'],
      ['Export Maria Lopez DOB 3/4/2012'],
      ['born 2012-03-04, Maria Lopez'],
      ['DOB 3/4/2012 for Maria Lopez'],
      ['date of birth 13/4/2012 Maria Lopez'],
      ['Notes: Maria Lopez birth date Mar. 4th, 2012.'],
    ])('%s', text => {
      expect(kindsIn(text)).toEqual(['date-of-birth']);
    });

    it('masks the name but its initials, and the date', () => {
      expect(findStudentRecords('Maria Lopez DOB 3/4/2012')).toEqual([
        {
          kind: 'date-of-birth',
          masked: 'M**** L**** DOB */*/****',
          index: 0,
        },
      ]);
      expect(findStudentRecords('DOB 3/4/2012 for Maria Lopez')[0].masked).toBe(
        'DOB */*/**** for M**** L****',
      );
    });
  });

  describe('leaves metadata alone', () => {
    it.each([
      ['a CEDS element ID', 'Maps to CEDS 000255 (Birthdate).'],
      ['several CEDS IDs', 'CEDS 000255, 000256 and 001071'],
      ['a school year', 'Kept for 2023-24 and 2024-25.'],
      ['a span of school years', '2019-2020 to 2024-2025'],
      ['a date alone', 'last verified 2026-11-30'],
      [
        'a name and a date without a label',
        'checked by Jordan Lee on 2026-11-30',
      ],
      ['a US date alone', 'Exported 11/30/2026.'],
      ['a dashed phone number', 'Help desk 518-555-0100'],
      ['a phone number in parentheses', 'call (518) 555-0100'],
      ['a dotted phone number', '518.555.0100'],
      ['an international phone number', '+1 518 555 0100'],
      ['a count', '1,250 students in grades K-12'],
      ['a large count written with commas', '1,234,567,890 rows'],
      ['grade spans', 'PK-12, K-5, 6-8 and 9-12'],
      ['a percentage', 'missing 10% or more of school days'],
      ['eleven digits', 'batch 20240115093'],
      ['nine bare digits without a label', 'ZIP 122071234, order 123456789'],
      ['a decimal fraction', 'pi is 3.1415926535'],
      ['a placeholder ID', 'NYSSIS 0000000000 means not yet assigned'],
      ['an SSN placeholder', 'SSN 000-00-0000 means not collected'],
      ['an unissued SSN area', '666-12-3456'],
      ['a field for SSNs', 'SSN_LAST4 holds the last 4 digits'],
      ['an SSN label without a number', 'SSN is not collected'],
      ['a dashed code with more digits', '2024-123-45-6789'],
      ['a DOB field description', 'DOB as MM/DD/YYYY, e.g. 03/04/2012'],
      ['a DOB placeholder', 'DOB 01/01/1900 means unknown'],
      ["a student's DOB example", "The student's DOB 01/15/2010 format"],
      ['a sample DOB', 'Sample Student DOB 01/15/2010'],
      [
        'a district beside a DOB field',
        'Alder Creek SIS stores DOB 1900-01-01',
      ],
      [
        'a name and DOB in other sentences',
        'Ask Jordan Lee. DOB 1/1/1900 is blank',
      ],
      ['a year of birth alone', 'Maria Lopez born 2012'],
      ['a school year after born', 'Maria Lopez born 2023-24'],
      ['a month that is no month', 'Maria Lopez DOB 13/13/2012'],
      ['"born" inside a word', 'Newborn screening 2012-03-04 Maria Lopez'],
      ['a field name', 'STUDENT_ID holds the 10-digit NYSSIS ID'],
      ['empty text', ''],
    ])('%s', (_what, text) => {
      expect(findStudentRecords(text)).toEqual([]);
    });
  });

  // Every write and every workbook cell is checked, so a long or hostile
  // text must not hold a request up.
  it.each([
    ['names and digits', `${'Maria Lopez '.repeat(2_000)}${'1'.repeat(5_000)}`],
    ['labels without dates', 'Maria Lopez DOB '.repeat(2_000)],
    ['labels with dates', 'Ann Lee DOB 1/1/1900 '.repeat(1_000)],
    ['dashes and digits', '123-'.repeat(5_000)],
  ])('reads a long text of %s quickly', (_what, text) => {
    const started = Date.now();
    findStudentRecords(text);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
