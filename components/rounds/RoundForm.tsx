"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { Notice } from "@/components/ui/Notice";
import { roundKeys } from "@/lib/client/query-keys";
import { clearRoundDraft, saveRoundDraft, type TRoundDraft } from "@/lib/client/round-draft";
import { cacheRoundContext, openRoundDraft, readCachedRoundContext } from "@/lib/client/round-form-storage";
import { RequestError } from "@/lib/client/request-error";
import { fetchBedRoundContext, submitRound } from "@/lib/client/rounds-api";
import { useDescribeRequestError } from "@/lib/client/use-describe-request-error";
import { prepareRoundForm, type TFormAnswer } from "@/lib/rounds/prepare-round-form";
import { ProtocolStepList } from "@/components/protocols/ProtocolStepList";
import { RoundContextError } from "./RoundContextError";
import { RoundFormHeader } from "./RoundFormHeader";
import { RoundItemField } from "./RoundItemField";
import { RoundSignFooter } from "./RoundSignFooter";
import { SaveStatus, type TSaveState } from "./SaveStatus";
import { SavedRound } from "./SavedRound";
import "./rounds.css";

/** A submission without an answer (no network, server failing) is tried again this often, and when the tablet is back online. */
const RETRY_MS = 10_000;
const AGE_TICK_MS = 30_000;

/**
 * A bed's round on a tablet: one column of items, nothing pre-answered, the last answers beside them, a draft kept on
 * the tablet at every tap, and a signature that is retried until the station confirms it. The nurse always sees
 * which of draft / saving / NOT SAVED / SAVED the round is in.
 */
export function RoundForm({ bedId }: { readonly bedId: string }) {
  const t = useTranslations("rounds");
  const describe = useDescribeRequestError();
  const locale = useLocale();
  const queryClient = useQueryClient();
  // The draft lives in localStorage: nothing is drawn until the browser has read it (and the server never does).
  const mounted = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );

  const context = useQuery({
    queryKey: roundKeys.bedContext(bedId),
    queryFn: async () => {
      const fresh = await fetchBedRoundContext(bedId);
      cacheRoundContext(bedId, fresh);
      return fresh;
    },
    // Opened on a reload without network, the form still shows the checklist it was filled with.
    initialData: () => (typeof window === "undefined" ? undefined : readCachedRoundContext(bedId)),
    initialDataUpdatedAt: 0,
    refetchOnWindowFocus: false,
    retry: (count, error) => !(error instanceof RequestError && error.kind === "refused") && count < 3,
  });

  // The ages of the newest values beside the items keep counting while the form is open.
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), AGE_TICK_MS);
    return () => window.clearInterval(timer);
  }, []);
  const [edited, setDraft] = useState<TRoundDraft | null>(null);
  const [save, setSave] = useState<TSaveState>({ kind: "draft" });
  // Bumped when a draft is discarded, so that a new round is opened.
  const [generation, setGeneration] = useState(0);
  const data = context.data;
  const templateId = data?.template.id;
  const episodeId = data?.episode.id;
  const open = data?.schedule.open;
  const serverTime = data?.serverTime;
  // Open the round: the tablet's draft for this bed if it is of this checklist, else a new one (with its id).
  const opened = useMemo(
    () =>
      mounted && templateId && episodeId && open && serverTime !== undefined
        ? openRoundDraft({ bedId, episodeId, templateId, open, now: serverTime })
        : null,
    // The schedule is read once: a refetch must not change the items asked mid-round; a new generation (a draft
    // discarded) opens a new round.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see above
    [mounted, bedId, episodeId, templateId, generation],
  );
  const draft = edited ?? opened?.draft ?? null;

  const submitting = useRef(false);
  const submit = useCallback(
    async (toSend: TRoundDraft) => {
      if (submitting.current) return;
      submitting.current = true;
      setSave({ kind: "saving" });
      try {
        const result = await submitRound({
          roundId: toSend.roundId,
          bedId: toSend.bedId,
          episodeId: toSend.episodeId,
          templateId: toSend.templateId,
          frequencies: toSend.frequencies,
          startedAt: toSend.startedAt,
          answers: Object.entries(toSend.answers).map(([itemId, a]) => ({
            itemId,
            value: a.value,
            ...(a.comment ? { comment: a.comment } : {}),
          })),
        });
        clearRoundDraft(bedId);
        setSave({ kind: "saved", round: result.round });
        void queryClient.invalidateQueries({ queryKey: roundKeys.all });
      } catch (error) {
        if (error instanceof RequestError && error.kind === "refused") {
          // The station said what is wrong: back to the draft, to be corrected and signed again.
          const reopened = { ...toSend, submittedAt: null };
          saveRoundDraft(reopened);
          setDraft(reopened);
          setSave({ kind: "refused", message: describe(error) });
        } else {
          setSave({ kind: "offline" });
        }
      } finally {
        submitting.current = false;
      }
    },
    [bedId, queryClient, describe],
  );

  // A signed round not yet confirmed (the answer was lost, or the tablet was reloaded meanwhile) is sent again, with
  // the same id, until the station confirms it.
  useEffect(() => {
    if (
      !draft ||
      draft.submittedAt === null ||
      save.kind === "saved" ||
      save.kind === "saving" ||
      save.kind === "refused"
    )
      return;
    const retry = () => void submit(draft);
    // Right away when the page opens on a signed draft; after a failure, in a while or when the network returns.
    const timer = window.setTimeout(retry, save.kind === "draft" ? 0 : RETRY_MS);
    window.addEventListener("online", retry);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener("online", retry);
    };
  }, [draft, save.kind, submit]);

  const form = useMemo(
    () =>
      data && draft
        ? prepareRoundForm({
            items: data.template.items,
            frequencies: draft.frequencies,
            answers: draft.answers,
            previous: data.previous,
            parameterValues: data.parameterValues,
            now,
            locale,
          })
        : null,
    [data, draft, locale, now],
  );

  // Always inside <main>, even while loading: a navigation puts the keyboard focus there (lib/client/focus-page.ts).
  if (!mounted || (context.isPending && !data)) return <Loading label={t("loading")} />;
  if (!data)
    return (
      <main className="rounds rounds--form">
        <RoundContextError error={context.error} />
      </main>
    );
  if (save.kind === "saved")
    return (
      <SavedRound
        round={save.round}
        bedLabel={data.bed.label}
        unitId={data.bed.unitId}
        timeZone={data.timeZone}
        bedId={bedId}
      />
    );
  if (!draft || !form) return <Loading label={t("loading")} />;

  const locked = draft.submittedAt !== null;
  const answer = (itemId: string, value: TFormAnswer | null) => {
    if (locked) return;
    const answers = { ...draft.answers };
    if (value === null) delete answers[itemId];
    else answers[itemId] = value;
    const next = { ...draft, answers };
    saveRoundDraft(next);
    setDraft(next);
    if (save.kind === "refused") setSave({ kind: "draft" });
  };
  const sign = () => {
    const signed = { ...draft, submittedAt: Date.now() };
    saveRoundDraft(signed);
    setDraft(signed);
    void submit(signed);
  };
  const discard = () => {
    if (!window.confirm(t("form.discardConfirm"))) return;
    clearRoundDraft(bedId);
    setDraft(null);
    setGeneration((g) => g + 1);
    setSave({ kind: "draft" });
  };

  return (
    <main className="rounds rounds--form" data-testid="round-form" data-round-id={draft.roundId}>
      <RoundFormHeader data={data} draft={draft} />
      {opened?.versionChanged && <p className="rounds__notice">{t("form.versionChanged")}</p>}
      <ProtocolStepList bedId={bedId} timeZone={data.timeZone} which="due" />
      <SaveStatus
        state={locked && save.kind === "draft" ? { kind: "saving" } : save}
        onRetry={() => void submit(draft)}
      />
      <p className="round-progress" data-testid="round-progress">
        {t("form.progress", { answered: form.answered, total: form.total })}
      </p>
      {form.sections.map((section) => (
        <section key={section.title} className="round-section">
          <h2>{section.title}</h2>
          {section.items.map((prepared) => (
            <RoundItemField
              key={prepared.item.itemId}
              prepared={prepared}
              timeZone={data.timeZone}
              disabled={locked}
              onAnswer={(value) => answer(prepared.item.itemId, value)}
            />
          ))}
        </section>
      ))}
      <RoundSignFooter form={form} locked={locked} onSign={sign} onDiscard={discard} />
    </main>
  );
}

const noSubscription = () => () => {};

function Loading({ label }: { readonly label: string }) {
  return (
    <main className="rounds rounds--form">
      <Notice title={label} testId="round-loading" />
    </main>
  );
}
