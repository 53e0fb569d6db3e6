/** The kinds of student record that free text is checked for. */
export type StudentRecordKind = 'student-id' | 'ssn' | 'date-of-birth';

/** One piece of a text that looks like part of a student's record. */
export interface StudentRecordFinding {
  kind: StudentRecordKind;
  /**
   * What was found, masked, so that a message can point at it without
   * repeating it: every digit but an ID's or SSN's last two, and every
   * letter of a name but its initials, become `*`: `********90`,
   * `***-**-**89`, `M**** L**** DOB` followed by the date's digits masked.
   */
  masked: string;
  /** Where it starts in the text as checked (after normalization). */
  index: number;
}
