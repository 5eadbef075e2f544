import { useCallback, useEffect, useRef, useState } from 'react';
import { type DefaultValues, type FieldValues, type UseFormReturn } from 'react-hook-form';
import type { ContractError } from '@shared/contract';
import type { WizardName } from '@shared/contract/schemas/transaction';
import { useApi } from '../../api/ApiProvider';
import { useOnGroupSwitch, type LeftBehind } from '../../state/group-switch';
import { joinSecrets, splitSecrets } from './draft-values';

/** Long enough to save once per pause in typing, short enough that a crash loses a few keystrokes. */
export const draftSaveDelayMs = 700;

/** No 'saving' state on purpose: the status line is a live region, and "Saving…" at every pause in typing would be read out each time. */
export type DraftSaveState = { state: 'idle' } | { state: 'saved'; at: string } | { state: 'error'; message: string };

export interface WizardDraftOptions<T extends FieldValues> {
  wizard: WizardName;
  groupNumber: string;
  /** The member the wizard acts on (add-dependent: the subscriber), or null. */
  memberId?: string | null;
  /** `?draft=`: resume this draft. */
  draftId?: number | undefined;
  form: UseFormReturn<T>;
  /** The current step's id: saved with the values, restored with them. */
  stepId: string;
  defaultValues: DefaultValues<T>;
  /** Dot paths of the full SSNs in these values; they are saved as `secrets`, never in `data`. */
  secretPaths: (values: T) => readonly string[];
  /** Called with the saved step once a resumed draft's values are in the form. */
  onRestore: (stepId: string) => void;
  /** False once submitted: the draft then belongs to the transaction. */
  enabled?: boolean;
}

export interface WizardDraft {
  /** True while a resumed draft is loading (show a skeleton, not an empty form). */
  loading: boolean;
  loadError: ContractError | null;
  id: number | undefined;
  save: DraftSaveState;
  /** Saves now if anything changed; resolves with the draft id (undefined when nothing was ever saved). */
  flush: () => Promise<number | undefined>;
  /** Deletes the draft. */
  discard: () => Promise<void>;
  /** No more saves: the submitted transaction owns the draft now. */
  stop: () => void;
}

/**
 * Keeps a wizard's values in a local draft: loads `?draft=` into the form, saves (debounced) as the
 * values or the step change, and discards on request. Saves run one after another, so the first one
 * creates the draft and every later one updates it.
 */
export function useWizardDraft<T extends FieldValues>(options: WizardDraftOptions<T>): WizardDraft {
  const { wizard, groupNumber, memberId = null, draftId, form, stepId, defaultValues, secretPaths, onRestore, enabled = true } = options;
  const api = useApi();
  const [id, setId] = useState<number | undefined>(draftId);
  const [loadedId, setLoadedId] = useState<number | undefined>(undefined);
  const [loadError, setLoadError] = useState<ContractError | null>(null);
  const [save, setSave] = useState<DraftSaveState>({ state: 'idle' });
  const idRef = useRef<number | undefined>(draftId);
  const lastSaved = useRef<string | null>(null);
  const chain = useRef<Promise<number | undefined>>(Promise.resolve(draftId));
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const stopped = useRef(false);
  // The last save's refusal, until a save succeeds: what a group switch reports instead of "saved".
  const saveError = useRef<string | null>(null);
  const loading = draftId !== undefined && loadedId !== draftId && loadError === null;
  const latest = useRef({ stepId, secretPaths, onRestore, enabled, loading });
  useEffect(() => {
    latest.current = { stepId, secretPaths, onRestore, enabled, loading };
  });

  useEffect(() => {
    if (draftId === undefined) return;
    let current = true;
    void api.call('drafts.get', { groupNumber, id: draftId }).then((result) => {
      if (!current) return;
      if (!result.ok) {
        setLoadError(result.error);
        return;
      }
      if (result.value.wizard !== wizard) {
        setLoadError({ code: 'NOT_FOUND', message: `Draft ${draftId} belongs to another kind of change; open it from Activity.` });
        return;
      }
      form.reset(joinSecrets(defaultValues, result.value.data, result.value.secrets) as never);
      lastSaved.current = JSON.stringify([result.value.step, form.getValues()]);
      idRef.current = draftId;
      latest.current.onRestore(result.value.step);
      setLoadedId(draftId);
    });
    return () => {
      current = false;
    };
    // A draft is read once per id; the defaults and form belong to this mount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, groupNumber, draftId, wizard]);

  const saveNow = useCallback((): Promise<number | undefined> => {
    chain.current = chain.current.then(async () => {
      const values = form.getValues();
      const step = latest.current.stepId;
      const key = JSON.stringify([step, values]);
      if (key === lastSaved.current || !latest.current.enabled || stopped.current) return idRef.current;
      const { data, secrets } = splitSecrets(values, latest.current.secretPaths(values));
      const known = idRef.current;
      const result = await api.call('drafts.save', { groupNumber, ...(known === undefined ? {} : { id: known }), wizard, memberId, step, data, secrets });
      if (!result.ok) {
        saveError.current = result.error.message;
        setSave({ state: 'error', message: result.error.message });
        return idRef.current;
      }
      saveError.current = null;
      idRef.current = result.value.id;
      lastSaved.current = key;
      setId(result.value.id);
      setSave({ state: 'saved', at: result.value.updatedAt });
      return result.value.id;
    });
    return chain.current;
  }, [api, form, groupNumber, memberId, wizard]);

  // Subscribed, not watched: a keystroke schedules a save without re-rendering the whole wizard.
  const schedule = useCallback(() => {
    if (!latest.current.enabled || stopped.current) return;
    // Nothing typed yet and no draft: opening a wizard and leaving it must not leave a draft behind.
    if (idRef.current === undefined && JSON.stringify(form.getValues()) === JSON.stringify(defaultValues)) return;
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      void saveNow();
    }, draftSaveDelayMs);
  }, [form, defaultValues, saveNow]);

  useEffect(() => form.subscribe({ formState: { values: true }, callback: schedule }), [form, schedule]);
  // The step is saved too: a resumed draft opens where the user was.
  useEffect(() => {
    if (!loading) schedule();
  }, [stepId, loading, schedule]);

  // Leaving the wizard (sidebar, palette) still keeps what was typed in the last moment.
  useEffect(
    () => () => {
      if (timer.current === null) return;
      clearTimeout(timer.current);
      timer.current = null;
      void saveNow();
    },
    [saveNow],
  );

  const flush = useCallback(() => {
    if (timer.current !== null) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    if (idRef.current === undefined && JSON.stringify(form.getValues()) === JSON.stringify(defaultValues)) return Promise.resolve(undefined);
    return saveNow();
  }, [form, defaultValues, saveNow]);

  // Switching groups closes the wizard: what was typed is kept as a draft of the group it was typed in.
  useOnGroupSwitch(() => {
    if (!latest.current.enabled || stopped.current) return null;
    // A resumed draft still loading is kept as it was; saving the empty form now would overwrite it.
    if (latest.current.loading) return { kind: 'draft_saved' };
    return flush().then((saved): LeftBehind | null => {
      if (saveError.current !== null) return { kind: 'draft_not_saved', message: saveError.current };
      return saved === undefined ? null : { kind: 'draft_saved' };
    });
  });

  const stop = useCallback(() => {
    stopped.current = true;
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  }, []);

  const discard = useCallback(async () => {
    stop();
    const known = await chain.current;
    if (known !== undefined) await api.call('drafts.discard', { groupNumber, id: known });
    idRef.current = undefined;
    setId(undefined);
  }, [api, groupNumber, stop]);

  return { loading, loadError, id, save, flush, discard, stop };
}
