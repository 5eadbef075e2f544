import { activityOffline } from './tutorials/activity-offline';
import { addDependent } from './tutorials/add-dependent';
import { downloadRoster } from './tutorials/download-roster';
import { enrollSubscriber } from './tutorials/enroll-subscriber';
import { enterAccessCode } from './tutorials/enter-access-code';
import { goPaperless } from './tutorials/go-paperless';
import { inviteUser } from './tutorials/invite-user';
import { payInvoice } from './tutorials/pay-invoice';
import { readInvoice } from './tutorials/read-invoice';
import { reconcileInvoice } from './tutorials/reconcile-invoice';
import { reinstateCoverage } from './tutorials/reinstate-coverage';
import { requestIdCards } from './tutorials/request-id-cards';
import { requestPrimaryAdmin } from './tutorials/request-primary-admin';
import { setUpAutopay } from './tutorials/set-up-autopay';
import { terminateCoverage } from './tutorials/terminate-coverage';
import type { HelpTutorial } from './tutorial-format';
import { updateDemographics } from './tutorials/update-demographics';

/** Every tutorial, in the order Help lists them. */
export const tutorials: readonly HelpTutorial[] = [
  enrollSubscriber,
  addDependent,
  terminateCoverage,
  reinstateCoverage,
  updateDemographics,
  requestIdCards,
  downloadRoster,
  readInvoice,
  reconcileInvoice,
  payInvoice,
  setUpAutopay,
  goPaperless,
  inviteUser,
  enterAccessCode,
  requestPrimaryAdmin,
  activityOffline,
];

export function findTutorial(id: string): HelpTutorial | undefined {
  return tutorials.find((t) => t.id === id);
}
