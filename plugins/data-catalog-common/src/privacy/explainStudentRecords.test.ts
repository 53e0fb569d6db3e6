import {
  checkForStudentRecords,
  explainStudentRecords,
} from './explainStudentRecords';

describe('checkForStudentRecords', () => {
  it('says nothing of metadata', () => {
    expect(
      checkForStudentRecords(
        'IEP_FLAG is blank for 2023-24; CEDS 000255; last verified 2026-11-30',
      ),
    ).toBeUndefined();
  });

  it('says what was found, masked, why it is refused and what to write', () => {
    const message = checkForStudentRecords('Maria Lopez SSN 123-45-6789');
    expect(message).toBe(
      'looks like a student record: a social security number (***-**-**89). ' +
        'The data catalog holds metadata about data, never student records, ' +
        'which FERPA and New York Education Law 2-d protect. ' +
        'Describe the data instead: say whether and where the number is ' +
        'kept ("SSN is not collected").',
    );
  });

  it('never repeats a value it found in full', () => {
    const message = checkForStudentRecords(
      'Maria Lopez DOB 3/4/2012, ID 2087654321, SSN 123-45-6789',
    )!;
    for (const value of [
      'Maria',
      'Lopez',
      '3/4/2012',
      '2087654321',
      '123-45-6789',
      '6789',
    ]) {
      expect(message).not.toContain(value);
    }
  });

  it('names each kind found, and what to write instead of each', () => {
    const message = checkForStudentRecords(
      'ID 2087654321; Maria Lopez DOB 3/4/2012',
    )!;
    expect(message).toContain(
      'a 10-digit number like a New York student ID (NYSSIS) (********21) ' +
        'and a date of birth beside a name (M**** L**** DOB */*/****)',
    );
    expect(message).toContain('STUDENT_ID holds the 10-digit NYSSIS ID');
    expect(message).toContain('BIRTH_DT holds the date of birth');
  });

  it('shows three of many, and counts the rest', () => {
    const message = checkForStudentRecords(
      '2087654321 3087654322 4087654323 5087654324 6087654325',
    )!;
    expect(message).toContain(
      '(********21, ********22, ********23 and 2 more)',
    );
  });
});

describe('explainStudentRecords', () => {
  it('explains findings given to it', () => {
    expect(
      explainStudentRecords([{ kind: 'ssn', masked: '*******21', index: 0 }]),
    ).toMatch(/^looks like a student record: a social security number/);
  });
});
