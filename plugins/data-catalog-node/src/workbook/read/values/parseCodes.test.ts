import {
  parseAccessMethod,
  parseAvailability,
  parseCategory,
  parseFrequency,
  parseLifecycle,
  parsePrivacy,
  parseSourceType,
} from './parseCodes';

describe('coded columns', () => {
  it.each([
    [parseFrequency, 'Daily', 'daily'],
    [parseFrequency, 'Nightly', 'daily'],
    [parseFrequency, 'Real time', 'real-time'],
    [parseFrequency, 'realtime', 'real-time'],
    [parseFrequency, 'Quarterly', 'term'],
    [parseFrequency, 'Annually', 'yearly'],
    [parseFrequency, 'On request', 'on-request'],
    [parseFrequency, 'Ad hoc', 'on-request'],
    [parseFrequency, 'None', 'never'],
    [parseAccessMethod, 'Ed-Fi ODS', 'ed-fi-ods'],
    [parseAccessMethod, 'ed-fi-ods', 'ed-fi-ods'],
    [parseAccessMethod, 'EdFi', 'ed-fi-ods'],
    [parseAccessMethod, 'SFTP/CSV', 'export'],
    [parseAccessMethod, 'REST API', 'api'],
    [parseAccessMethod, 'Hand entered', 'manual'],
    [parseAccessMethod, 'No access', 'none'],
    [parsePrivacy, 'PII', 'pii'],
    [parsePrivacy, 'Sensitive PII', 'sensitive-pii'],
    [parsePrivacy, 'Sensitive', 'sensitive-pii'],
    [parsePrivacy, 'Anonymised', 'de-identified'],
    [parsePrivacy, 'Directory information', 'public'],
    [parseAvailability, 'Available', 'available'],
    [parseAvailability, 'Partially available', 'partial'],
    [parseAvailability, 'Not collected', 'not-collected'],
    [parseAvailability, 'Missing', 'not-collected'],
    [parseAvailability, 'Not usable', 'unusable'],
    [parseCategory, 'Admin', 'administrative'],
    [parseCategory, 'Assessments', 'assessment'],
    [parseCategory, 'EdTech', 'digital-platform'],
    [parseCategory, 'Digital platform', 'digital-platform'],
    [parseSourceType, 'Student Information System', 'sis'],
    [parseSourceType, 'SIS', 'sis'],
    [parseSourceType, 'ENL', 'english-learner'],
    [parseSourceType, 'Google Sheet', 'spreadsheet'],
    [parseLifecycle, 'Active', 'production'],
    [parseLifecycle, 'Pilot', 'planned'],
    [parseLifecycle, 'Sunsetting', 'deprecated'],
    [parseLifecycle, 'Decommissioned', 'retired'],
  ])('%p reads "%s" as %s', (parse, text, code) => {
    expect(parse(text)).toEqual({ value: code });
  });

  it('compares without regard to case, spaces or punctuation', () => {
    expect(parseAccessMethod('  ED FI  ods ')).toEqual({ value: 'ed-fi-ods' });
    expect(parsePrivacy('sensitive_pii')).toEqual({ value: 'sensitive-pii' });
  });

  it('lists the labels it accepts when a value is unknown', () => {
    expect(parseFrequency('Hourly')).toEqual({
      expected:
        'one of Real time, Daily, Weekly, Monthly, Term, Yearly, On request or Never',
    });
    expect(parseAccessMethod('Email')).toEqual({
      expected: 'one of API, Ed-Fi ODS, Export, Manual or None',
    });
    expect(parsePrivacy('FERPA')).toEqual({
      expected: 'one of Public, Aggregate, De-identified, PII or Sensitive PII',
    });
    expect(parseCategory('Finance')).toEqual({
      expected: 'one of Administrative, Assessment or Digital platform',
    });
  });

  it('reads a number cell as its text', () => {
    expect(parseLifecycle(2024)).toEqual({
      expected: 'one of Planned, Production, Deprecated or Retired',
    });
  });
});
