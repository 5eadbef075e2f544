import { method } from '../define';
import { groupNumber } from '../schemas/primitives';
import { exceptionRequest, exceptionRequestBody } from '../../plan-api/exception-requests';

export const exceptionsMethods = {
  'exceptions.request': method({
    summary: 'Ask the plan for an exception to the rule that refused a change, with a note; answered with the plan’s reference number. Online only.',
    permission: 'members.write',
    input: exceptionRequestBody.extend({ groupNumber }).strict(),
    output: exceptionRequest,
  }),
} as const;
