import { studentRecordIn } from './studentRecordCheck';

const values = (notes: string, ...reasons: string[]) => ({
  notes,
  lastVerified: '',
  qualityRating: '',
  corrections: reasons.map((reason, i) => ({
    key: i,
    element: `dataelement:default/e${i}`,
    status: 'partial' as const,
    reason,
  })),
});

describe('studentRecordIn', () => {
  it('lets metadata through', () => {
    expect(
      studentRecordIn(values('Checked 2026-11-30 for 2024-25', 'K-5 only')),
    ).toBeUndefined();
  });

  it('names the notes, masking what it found', () => {
    const message = studentRecordIn(values('Maria Lopez SSN 123-45-6789'));
    expect(message).toMatch(
      /^Notes: looks like a student record: a social security number \(\*\*\*-\*\*-\*\*89\)\./,
    );
    expect(message).toMatch(/Nothing was saved\.$/);
    expect(message).not.toContain('6789');
  });

  it('names the correction whose reason holds one', () => {
    expect(
      studentRecordIn(values('', 'Blank since May', 'Fix 2087654321')),
    ).toMatch(/^Reason of correction 2: looks like a student record/);
  });
});
