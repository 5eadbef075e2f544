import { fieldContext } from '../field-cipher';

/** The associated data of a member's encrypted SSN: the value opens only in that member's row. */
export const memberSsnContext = (memberId: string): string => fieldContext('members', 'ssn_encrypted', memberId);
