import { findStudentRecords } from './findStudentRecords';
import { StudentRecordFinding, StudentRecordKind } from './types';

const WHAT: Record<StudentRecordKind, string> = {
  'student-id': 'a 10-digit number like a New York student ID (NYSSIS)',
  ssn: 'a social security number',
  'date-of-birth': 'a date of birth beside a name',
};

// What to write instead, for each kind: the field, never its values.
const INSTEAD: Record<StudentRecordKind, string> = {
  'student-id':
    'name the field that holds the ID ("STUDENT_ID holds the 10-digit NYSSIS ID"), and write a phone number in groups (518-555-0100)',
  ssn: 'say whether and where the number is kept ("SSN is not collected")',
  'date-of-birth':
    'describe the field ("BIRTH_DT holds the date of birth as MM/DD/YYYY")',
};

// Enough examples to find them by; a long list would bury the message.
const SHOWN = 3;

function listOf(findings: StudentRecordFinding[]): string {
  const shown = findings.slice(0, SHOWN).map(f => f.masked);
  const more = findings.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}

/**
 * Says what in a text looks like a student record and why it is refused,
 * with each value masked, for an error naming the field it was found in.
 */
export function explainStudentRecords(
  findings: StudentRecordFinding[],
): string {
  const kinds = [...new Set(findings.map(f => f.kind))];
  const found = kinds
    .map(
      kind =>
        `${WHAT[kind]} (${listOf(findings.filter(f => f.kind === kind))})`,
    )
    .join(' and ');
  const instead = kinds.map(kind => INSTEAD[kind]).join('; ');
  return (
    `looks like a student record: ${found}. ` +
    'The data catalog holds metadata about data, never student records, ' +
    'which FERPA and New York Education Law 2-d protect. ' +
    `Describe the data instead: ${instead}.`
  );
}

/**
 * The explanation for a free-text value that looks like a student record,
 * or undefined for one that reads as metadata.
 */
export function checkForStudentRecords(text: string): string | undefined {
  const findings = findStudentRecords(text);
  return findings.length > 0 ? explainStudentRecords(findings) : undefined;
}
