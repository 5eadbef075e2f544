import { activityOffline } from './activity-offline';
import { addDependent } from './add-dependent';
import { downloadRoster } from './download-roster';
import { enrollSubscriber } from './enroll-subscriber';
import { enterAccessCode } from './enter-access-code';
import { goPaperless } from './go-paperless';
import { inviteUser } from './invite-user';
import { payInvoice } from './pay-invoice';
import { readInvoice } from './read-invoice';
import { reconcileInvoice } from './reconcile-invoice';
import { reinstateCoverage } from './reinstate-coverage';
import { requestIdCards } from './request-id-cards';
import { requestPrimaryAdmin } from './request-primary-admin';
import { setUpAutopay } from './set-up-autopay';
import { terminateCoverage } from './terminate-coverage';
import type { Tutorial } from './tutorial-format';
import { updateDemographics } from './update-demographics';

/** Every tutorial, in the order Help lists them. */
export const tutorials: readonly Tutorial[] = [
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

export function findTutorial(id: string): Tutorial | undefined {
  return tutorials.find((t) => t.id === id);
}
