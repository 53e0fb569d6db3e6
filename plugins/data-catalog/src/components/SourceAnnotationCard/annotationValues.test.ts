import {
  describeChange,
  errorMessage,
  formValues,
  isConflict,
  toWrite,
  validate,
} from './annotationValues';

const base = {
  kind: 'source' as const,
  subject: 'datasource:default/cedar-point-sis',
  district: 'group:default/cedar-point',
  corrections: [],
  version: 2,
};

describe('describeChange', () => {
  it('describes a first annotation as everything set', () => {
    expect(
      describeChange(undefined, {
        ...base,
        notes: 'New',
        lastVerified: '2025-01-10',
        qualityRating: 2,
        corrections: [
          {
            element: 'dataelement:default/sex',
            status: 'unusable',
            reason: 'r',
          },
        ],
      }),
    ).toEqual([
      'added notes',
      'set last verified to 2025-01-10',
      'rated quality 2 of 5 (fair)',
      'marked dataelement:default/sex unusable',
    ]);
  });

  it('names each field that changed and no other', () => {
    const before = {
      ...base,
      notes: 'Old',
      lastVerified: '2024-09-01',
      qualityRating: 3,
      corrections: [
        { element: 'a', status: 'partial' as const, reason: 'one' },
        { element: 'b', status: 'partial' as const, reason: 'two' },
        { element: 'c', status: 'partial' as const, reason: 'three' },
      ],
    };
    const after = {
      ...before,
      notes: undefined,
      lastVerified: '2025-01-10',
      corrections: [
        { element: 'a', status: 'unusable' as const, reason: 'one' },
        { element: 'b', status: 'partial' as const, reason: 'changed' },
      ],
    };

    expect(describeChange(before, after, ref => ref.toUpperCase())).toEqual([
      'removed the notes',
      'moved last verified from 2024-09-01 to 2025-01-10',
      'marked A unusable instead of partly usable',
      'changed the reason for B',
      'removed the correction of C',
    ]);
    expect(describeChange(before, before)).toEqual([]);
  });
});

describe('toWrite', () => {
  it('leaves out empty fields and trims text', () => {
    const values = formValues({
      ...base,
      notes: '  spaced  ',
      corrections: [{ element: 'x', status: 'partial', reason: ' why ' }],
    });

    expect(toWrite(values, 7)).toEqual({
      version: 7,
      notes: 'spaced',
      corrections: [{ element: 'x', status: 'partial', reason: 'why' }],
    });
  });
});

describe('validate', () => {
  it('requires an element and a reason, once per element', () => {
    const values = {
      notes: '',
      lastVerified: '',
      qualityRating: '',
      corrections: [
        { key: 1, element: 'x', status: 'partial' as const, reason: 'ok' },
        { key: 2, element: 'x', status: 'partial' as const, reason: ' ' },
        { key: 3, element: '', status: 'unusable' as const, reason: 'ok' },
      ],
    };

    expect(validate(values)).toEqual({
      2: {
        element: 'This element is corrected in another row already',
        reason: 'Say why, so others can judge the correction',
      },
      3: { element: 'Choose the element to correct' },
    });
  });
});

describe('isConflict and errorMessage', () => {
  it('recognises a conflict by status or by name', () => {
    expect(isConflict({ response: { status: 409 } })).toBe(true);
    expect(isConflict({ name: 'ConflictError' })).toBe(true);
    expect(isConflict({ cause: { name: 'ConflictError' } })).toBe(true);
    expect(isConflict({ response: { status: 403 } })).toBe(false);
    expect(isConflict(new Error('boom'))).toBe(false);
  });

  it('prefers the backend message to the status line', () => {
    expect(
      errorMessage({
        message: 'Request failed with 403 Forbidden',
        response: { status: 403 },
        cause: { message: 'Only members of group:default/x may change y' },
      }),
    ).toBe(
      'You may not change these notes: Only members of group:default/x may change y',
    );
    expect(errorMessage(new Error('Boom'))).toBe('Boom');
  });
});
