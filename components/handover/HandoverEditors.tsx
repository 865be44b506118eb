"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import {
  addHandoverAction,
  amendHandover,
  completeHandoverAction,
  receiveHandover,
  saveHandoverDraft,
  signOutHandover,
} from "@/lib/client/handover-api";
import { handoverKeys } from "@/lib/client/query-keys";
import { useCan, useSessionUser } from "@/lib/client/session-user";
import { useDescribeRequestError } from "@/lib/client/use-describe-request-error";
import type { TContingency, THandoverSheetView, TIllnessSeverity } from "@/lib/handover";
import { formatDayTime } from "@/lib/bed/format-date-time";
import { AmendForm } from "./AmendForm";
import { HandoverDocument } from "./HandoverDocument";
import { ActionList as ActionListView } from "./HandoverWritten";
import { SeverityChoice } from "./SeverityChoice";

/** The written parts of a sheet and its signing, amending and action list, for the nurse allowed to edit them. */
export function SheetEditors({ sheet }: { readonly sheet: THandoverSheetView }) {
  const t = useTranslations("handover");
  const describe = useDescribeRequestError();
  const locale = useLocale();
  const user = useSessionUser();
  const canEdit = useCan("handover.edit");
  const canSign = useCan("handover.sign");
  const queryClient = useQueryClient();
  const bedId = sheet.bed.id;
  const shiftKey = sheet.shift.key;
  const [severity, setSeverity] = useState<TIllnessSeverity | null>(sheet.content.illnessSeverity);
  const [situation, setSituation] = useState(sheet.content.situation);
  const [contingencies, setContingencies] = useState<TContingency[]>(sheet.content.contingencies);
  const [notes, setNotes] = useState(sheet.content.notes);
  const [newAction, setNewAction] = useState("");
  const [readBack, setReadBack] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [baseVersion, setBaseVersion] = useState(sheet.version);

  const refresh = () => queryClient.invalidateQueries({ queryKey: handoverKeys.sheetsOf(bedId) });
  const mutation = useMutation({
    mutationFn: (run: () => Promise<void>) => run(),
    onSuccess: () => {
      setError(null);
      return Promise.all([refresh(), queryClient.invalidateQueries({ queryKey: handoverKeys.all })]);
    },
    onError: (e: Error) => setError(describe(e)),
  });
  const busy = mutation.isPending;
  const editable = canEdit && (sheet.status === "not_started" || sheet.status === "draft") && sheet.data !== null;
  const content = {
    illnessSeverity: severity,
    situation,
    contingencies: contingencies.filter((c) => c.if.trim() && c.then.trim()),
    notes,
  };

  const save = () =>
    mutation.mutate(async () => {
      const saved = await saveHandoverDraft(bedId, shiftKey, { ...content, version: baseVersion });
      setBaseVersion(saved.version);
    });
  const signOut = () => {
    if (!severity) {
      setError(t("sign.needSeverity"));
      return;
    }
    if (!window.confirm(t("sign.confirm"))) return;
    mutation.mutate(() =>
      signOutHandover(bedId, shiftKey, { ...content, illnessSeverity: severity, version: baseVersion }),
    );
  };
  const receive = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate(() => receiveHandover(bedId, shiftKey, { readBack }));
  };
  const addAction = (event: FormEvent) => {
    event.preventDefault();
    if (!newAction.trim()) return;
    mutation.mutate(async () => {
      await addHandoverAction(bedId, newAction);
      setNewAction("");
    });
  };

  const slots = {
    illness: editable ? <SeverityChoice severity={severity} onChange={setSeverity} /> : undefined,
    actions:
      canEdit && sheet.data ? (
        <>
          <ActionListEditable sheet={sheet} onDone={(id) => mutation.mutate(() => completeHandoverAction(bedId, id))} />
          {!sheet.frozen && sheet.nextShiftKey === null && (
            <form className="handover-inline-form" onSubmit={addAction}>
              <label className="visually-hidden" htmlFor="handover-new-action">
                {t("actions.placeholder")}
              </label>
              <input
                id="handover-new-action"
                value={newAction}
                maxLength={500}
                placeholder={t("actions.placeholder")}
                onChange={(e) => setNewAction(e.target.value)}
                data-testid="handover-new-action"
              />
              <button type="submit" className="handover-button" disabled={busy} data-testid="handover-add-action">
                {t("actions.add")}
              </button>
            </form>
          )}
        </>
      ) : undefined,
    situation: editable ? (
      <div className="handover-editor">
        <label htmlFor="handover-situation-input">{t("situation.label")}</label>
        <textarea
          id="handover-situation-input"
          rows={4}
          maxLength={2000}
          value={situation}
          onChange={(e) => setSituation(e.target.value)}
          data-testid="handover-situation-input"
        />
        <p>{t("situation.contingencies")}</p>
        {contingencies.map((c, i) => (
          <div className="handover-contingency" key={i}>
            <input
              aria-label={t("situation.if")}
              placeholder={t("situation.if")}
              value={c.if}
              maxLength={300}
              onChange={(e) =>
                setContingencies(contingencies.map((x, j) => (j === i ? { ...x, if: e.target.value } : x)))
              }
              data-testid="handover-if"
            />
            <input
              aria-label={t("situation.then")}
              placeholder={t("situation.then")}
              value={c.then}
              maxLength={300}
              onChange={(e) =>
                setContingencies(contingencies.map((x, j) => (j === i ? { ...x, then: e.target.value } : x)))
              }
              data-testid="handover-then"
            />
            <button
              type="button"
              className="handover-button handover-button--small"
              onClick={() => setContingencies(contingencies.filter((_, j) => j !== i))}
            >
              {t("situation.remove")}
            </button>
          </div>
        ))}
        {contingencies.length < 10 && (
          <button
            type="button"
            className="handover-button handover-button--small"
            onClick={() => setContingencies([...contingencies, { if: "", then: "" }])}
            data-testid="handover-add-contingency"
          >
            {t("situation.addContingency")}
          </button>
        )}
      </div>
    ) : undefined,
    notes: editable ? (
      <textarea
        aria-label={t("notes.label")}
        rows={3}
        maxLength={4000}
        value={notes}
        onChange={(e) => setNotes(e.target.value)}
        data-testid="handover-notes-input"
      />
    ) : undefined,
    signOff: (
      <div className="handover-signoff">
        {error && (
          <p className="handover-error" role="alert" data-testid="handover-error">
            {error}
          </p>
        )}
        {editable && (
          <div className="handover-buttons">
            <button
              type="button"
              className="handover-button"
              disabled={busy}
              onClick={save}
              data-testid="handover-save"
            >
              {t("sign.save")}
            </button>
            {canSign && (
              <button
                type="button"
                className="handover-button handover-button--primary"
                disabled={busy}
                onClick={signOut}
                data-testid="handover-sign-out"
              >
                {t("sign.signOut")}
              </button>
            )}
          </div>
        )}
        {sheet.lastSaved && sheet.status === "draft" && (
          <p className="handover-muted">
            {t("sign.saved", {
              time: formatDayTime(sheet.lastSaved.at, locale, sheet.bed.timeZone),
              name: sheet.lastSaved.by.name,
            })}
          </p>
        )}
        {sheet.status === "signed_out" && canSign && sheet.signedOut?.by.id !== user.userId && (
          <form className="handover-editor" onSubmit={receive} data-testid="handover-receive-form">
            <h3>{t("sections.synthesis")}</h3>
            <label htmlFor="handover-read-back">{t("synthesis.label")}</label>
            <textarea
              id="handover-read-back"
              rows={3}
              maxLength={2000}
              value={readBack}
              onChange={(e) => setReadBack(e.target.value)}
              data-testid="handover-read-back-input"
            />
            <button
              type="submit"
              className="handover-button handover-button--primary"
              disabled={busy}
              data-testid="handover-receive"
            >
              {t("synthesis.receive")}
            </button>
          </form>
        )}
        {sheet.status === "signed_out" && sheet.signedOut?.by.id === user.userId && (
          <p className="handover-muted">{t("synthesis.sameperson")}</p>
        )}
        {(sheet.status === "signed_out" || sheet.status === "received") && canEdit && (
          <AmendForm
            contingencies={contingencies}
            busy={busy}
            onAmend={(amendment) => mutation.mutate(() => amendHandover(bedId, shiftKey, amendment))}
          />
        )}
      </div>
    ),
  };
  return <HandoverDocument sheet={sheet} slots={slots} />;
}

function ActionListEditable({
  sheet,
  onDone,
}: {
  readonly sheet: THandoverSheetView;
  readonly onDone: (id: string) => void;
}) {
  // Done is marked on the running list only: a signed sheet's list is the one handed over.
  return <ActionListView sheet={sheet} onDone={sheet.frozen ? undefined : onDone} />;
}
