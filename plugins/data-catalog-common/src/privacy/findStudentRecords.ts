import { findBirthDates } from './findBirthDates';
import { findSocialSecurityNumbers, findStudentIds } from './findIdentifiers';
import { StudentRecordFinding } from './types';

/*
 * Full-width digits and letters become plain ones and invisible format
 * characters (zero-width spaces, soft hyphens) go, so that a number cannot
 * slip past the check by the way it is typed or pasted.
 */
function normalize(text: string): string {
  return text.normalize('NFKC').replace(/\p{Cf}/gu, '');
}

/**
 * What in a free-text field looks like part of a student's record: a
 * ten-digit New York student ID (NYSSIS), a social security number, or a
 * date of birth beside a name. The catalog holds metadata about data, so
 * none of these belongs in it. Pure: it reads only its argument.
 *
 * Metadata is left alone: CEDS element IDs (000255), school years
 * (2023-24), dates alone (last verified 2026-11-30), phone numbers written
 * in groups (518-555-0100), counts and grade spans (K-12).
 */
export function findStudentRecords(text: string): StudentRecordFinding[] {
  const checked = normalize(text);
  return [
    ...findStudentIds(checked),
    ...findSocialSecurityNumbers(checked),
    ...findBirthDates(checked),
  ].sort((a, b) => a.index - b.index);
}
