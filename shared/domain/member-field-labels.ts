/**
 * A member's fields in words, as the roster download's columns, the import template's columns and
 * the review of a change name them: one spelling, so a column the user downloads reads the same
 * when an import refuses it.
 */
export const memberFieldLabels = {
  memberId: 'Member ID',
  firstName: 'First name',
  middleName: 'Middle name',
  lastName: 'Last name',
  suffix: 'Suffix',
  dateOfBirth: 'Date of birth',
  gender: 'Gender',
  ssn: 'SSN',
  city: 'City',
  state: 'State',
  zip: 'ZIP',
  phone: 'Phone',
  email: 'Email',
  hireDate: 'Hire date',
  employmentStatus: 'Employment status',
  planCode: 'Plan code',
} as const satisfies Record<string, string>;
