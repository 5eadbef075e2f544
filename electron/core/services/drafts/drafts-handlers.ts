import { handlers } from '../../dispatch/handler-types';
import { actingUserId } from '../transactions/acting-user';
import { discardDraft, getDraft, listDrafts, saveDraft } from '../../store/repositories/drafts-repository';

export const draftsHandlers = handlers({
  'drafts.save': (input, { store, now }) => store.db.transaction(() => saveDraft(store, input, actingUserId(store.db), now()))(),
  'drafts.get': ({ groupNumber, id }, { store }) => getDraft(store, groupNumber, id),
  'drafts.list': ({ groupNumber, wizard }, { store }) => listDrafts(store.db, groupNumber, wizard),
  'drafts.discard': ({ groupNumber, id }, { store }) => ({ discarded: discardDraft(store.db, groupNumber, id) }),
});
