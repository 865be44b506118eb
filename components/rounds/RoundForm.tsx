"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { Notice } from "@/components/ui/Notice";
import { formatDayTime } from "@/lib/bed/format-date-time";
import { roundKeys } from "@/lib/client/query-keys";
import {
  clearRoundDraft,
  loadRoundDraft,
  newRoundDraft,
  saveRoundDraft,
  type TRoundDraft,
} from "@/lib/client/round-draft";
import { RoundsRequestError, fetchBedRoundContext, submitRound } from "@/lib/client/rounds-api";
import { useCan, useSessionUser } from "@/lib/client/session-user";
import { prepareRoundForm, type TFormAnswer } from "@/lib/rounds/prepare-round-form";
import type { TBedRoundContext, TRoundDto } from "@/lib/rounds/round-dtos";
import { RoundItemField } from "./RoundItemField";
import { SaveStatus, type TSaveState } from "./SaveStatus";
import "./rounds.css";
import { ProtocolStepList } from "@/components/protocols/ProtocolStepList";

/** A submission without an answer (no network, server failing) is tried again this often, and when the tablet is back online. */
const RETRY_MS = 10_000;
const AGE_TICK_MS = 30_000;
const contextCacheKey = (bedId: string) => `station.round-context.${bedId}`;

/**
 * A bed's round on a tablet: one column of items, nothing pre-answered, the last answers beside them, a draft kept on
 * the tablet at every tap, and a signature that is retried until the station confirms it. The nurse always sees
 * which of draft / saving / NOT SAVED / SAVED the round is in.
 */
export function RoundForm({ bedId }: { readonly bedId: string }) {
  const t = useTranslations("rounds");
  const locale = useLocale();
  const user = useSessionUser();
  const canSign = useCan("checklist.sign");
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
      window.localStorage.setItem(contextCacheKey(bedId), JSON.stringify(fresh));
      return fresh;
    },
    // Opened on a reload without network, the form still shows the checklist it was filled with.
    initialData: () => (typeof window === "undefined" ? undefined : readCachedContext(bedId)),
    initialDataUpdatedAt: 0,
    refetchOnWindowFocus: false,
    retry: (count, error) => !(error instanceof RoundsRequestError && error.kind === "refused") && count < 3,
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
        ? openDraft({ bedId, episodeId, templateId, open, now: serverTime, generation })
        : null,
    // The schedule is read once: a refetch must not change the items asked mid-round.
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
        if (error instanceof RoundsRequestError && error.kind === "refused") {
          // The station said what is wrong: back to the draft, to be corrected and signed again.
          const reopened = { ...toSend, submittedAt: null };
          saveRoundDraft(reopened);
          setDraft(reopened);
          setSave({ kind: "refused", message: error.message });
        } else {
          setSave({ kind: "offline" });
        }
      } finally {
        submitting.current = false;
      }
    },
    [bedId, queryClient],
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

  if (!mounted || (context.isPending && !data)) return <Notice title={t("loading")} testId="round-loading" />;
  if (!data) return <ContextError error={context.error} />;
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
  if (!draft || !form) return <Notice title={t("loading")} testId="round-loading" />;

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
    <div className="rounds rounds--form" data-testid="round-form" data-round-id={draft.roundId}>
      <header className="rounds__header">
        <div>
          <p className="rounds__kicker">
            <Link href={`/rounds/${encodeURIComponent(data.bed.unitId)}`}>{t("form.backToRounds")}</Link>
          </p>
          <h1>{t("form.title", { label: data.bed.label })}</h1>
          <p className="rounds__meta">
            {data.patientInitials} ·{" "}
            {t("form.checklist", {
              device: t(`deviceType.${data.template.deviceType}`),
              version: data.template.version,
            })}{" "}
            · {t("form.opened", { time: formatDayTime(draft.startedAt, locale, data.timeZone) })}
          </p>
          <p className="rounds__meta">
            {t("asks", { frequencies: draft.frequencies.map((f) => t(`frequency.${f}`)).join(", ") })}
          </p>
        </div>
      </header>
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
      <footer className="round-sign">
        {form.complete ? (
          <p className="round-sign__hint">{t("form.allAnswered")}</p>
        ) : (
          <p className="round-sign__hint round-sign__hint--remaining" data-testid="round-remaining">
            {t("form.remaining", { count: form.remaining.length })}{" "}
            <a href={`#item-${form.remaining[0] ?? ""}`}>{t("form.goTo")}</a>
          </p>
        )}
        {canSign ? (
          <button
            type="button"
            className="round-button round-button--sign"
            disabled={!form.complete || locked}
            onClick={sign}
            data-testid="round-sign"
          >
            {locked ? t("form.signing") : t("form.sign", { name: user.displayName })}
          </button>
        ) : (
          <p className="round-sign__hint">{t("form.cannotSign")}</p>
        )}
        {!locked && (
          <button type="button" className="round-button round-button--quiet" onClick={discard}>
            {t("form.discard")}
          </button>
        )}
      </footer>
    </div>
  );
}

const noSubscription = () => () => {};

/**
 * The stored draft of this bed if it was started for this patient on this checklist version; otherwise a new round,
 * stored at once. A draft of a discharged patient is dropped, never offered for the next one.
 */
function openDraft({
  bedId,
  episodeId,
  templateId,
  open,
  now,
}: {
  bedId: string;
  episodeId: string;
  templateId: string;
  open: TRoundDraft["frequencies"];
  now: number;
  generation: number;
}): { draft: TRoundDraft; versionChanged: boolean } {
  const stored = loadRoundDraft(bedId);
  const samePatient = stored?.episodeId === episodeId;
  // A signed round waiting for the station's confirmation is sent as it was signed, whatever was published since.
  if (stored && samePatient && (stored.templateId === templateId || stored.submittedAt !== null))
    return { draft: stored, versionChanged: false };
  const draft = newRoundDraft({ bedId, episodeId, templateId, frequencies: open, now });
  saveRoundDraft(draft);
  return { draft, versionChanged: stored !== null && samePatient };
}

function readCachedContext(bedId: string): TBedRoundContext | undefined {
  try {
    const raw = window.localStorage.getItem(contextCacheKey(bedId));
    return raw ? (JSON.parse(raw) as TBedRoundContext) : undefined;
  } catch {
    return undefined;
  }
}

function ContextError({ error }: { readonly error: Error | null }) {
  const t = useTranslations("rounds");
  const refused = error instanceof RoundsRequestError && error.kind === "refused";
  return (
    <Notice title={refused ? error.message : t("unavailable")} testId="round-error">
      <button type="button" className="round-button" onClick={() => window.location.reload()}>
        {t("form.reload")}
      </button>
    </Notice>
  );
}

function SavedRound({
  round,
  bedLabel,
  unitId,
  timeZone,
  bedId,
}: {
  readonly round: TRoundDto;
  readonly bedLabel: string;
  readonly unitId: string;
  readonly timeZone: string;
  readonly bedId: string;
}) {
  const t = useTranslations("rounds");
  return (
    <div className="rounds rounds--form" data-testid="round-form" data-round-id={round.id}>
      <header className="rounds__header">
        <h1>{t("form.title", { label: bedLabel })}</h1>
      </header>
      <SaveStatus state={{ kind: "saved", round }} timeZone={timeZone} />
      <p className="round-saved__links">
        <Link className="round-button" href={`/rounds/${encodeURIComponent(unitId)}`} data-testid="round-back">
          {t("form.backToRounds")}
        </Link>
        <Link className="round-button round-button--quiet" href={`/beds/${encodeURIComponent(bedId)}/rounds`}>
          {t("history")}
        </Link>
      </p>
    </div>
  );
}
