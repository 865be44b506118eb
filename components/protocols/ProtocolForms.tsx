"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { cancelProtocol, signProtocolStep, startProtocol } from "@/lib/client/protocols-api";
import { useDescribeRequestError } from "@/lib/client/use-describe-request-error";
import { protocolKeys } from "@/lib/client/query-keys";
import type { TProtocolPlanDto } from "@/lib/protocols/protocol-dtos";
import type { TProtocolId } from "@/lib/protocols/protocols";
import type { TPreparedStep } from "@/lib/protocols/prepare-protocols";
import { useStepName } from "./StepWords";

/* The bed panel's three forms: sign a step, cancel a plan with its reason, start a protocol. */

/** A datetime-local value in the tablet's own clock (the tablet sits in the unit's time zone), as epoch ms. */
function toInputValue(ms: number): string {
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
}

function useRefresh() {
  const queryClient = useQueryClient();
  return (plan: { unitId: string; bedId: string }) => {
    void queryClient.invalidateQueries({ queryKey: protocolKeys.bed(plan.bedId) });
    void queryClient.invalidateQueries({ queryKey: protocolKeys.unit(plan.unitId) });
  };
}

/** What the three forms share: submit runs the mutation; its refusal in the page's language; confirm and back. */
function FormFrame({
  label,
  mutation,
  submit,
  onBack,
  children,
}: {
  readonly label?: string;
  readonly mutation: { readonly mutate: () => void; readonly isPending: boolean; readonly error: unknown };
  readonly submit: { readonly text: string; readonly primary: boolean; readonly testId?: string };
  readonly onBack: () => void;
  readonly children: ReactNode;
}) {
  const t = useTranslations("protocols");
  const describe = useDescribeRequestError();
  return (
    <form
      className="protocols__form"
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        mutation.mutate();
      }}
    >
      {children}
      {mutation.error != null && (
        <p className="protocols__error" role="alert">
          {t("failed", { message: describe(mutation.error) })}
        </p>
      )}
      <div className="protocols__buttons">
        <button
          type="submit"
          className={submit.primary ? "button button--primary" : "button"}
          disabled={mutation.isPending}
          data-testid={submit.testId}
        >
          {submit.text}
        </button>
        <button type="button" className="button" onClick={onBack}>
          {t("back")}
        </button>
      </div>
    </form>
  );
}

export function SignForm({
  plan,
  step,
  onClose,
}: {
  readonly plan: TProtocolPlanDto;
  readonly step: TPreparedStep;
  readonly onClose: () => void;
}) {
  const t = useTranslations("protocols");
  const name = useStepName();
  const refresh = useRefresh();
  const [doneAt, setDoneAt] = useState(() => toInputValue(Date.now()));
  const [note, setNote] = useState("");
  const mutation = useMutation({
    mutationFn: () =>
      signProtocolStep(plan.bedId, plan.id, {
        stepId: step.stepId,
        doneAt: new Date(doneAt).getTime(),
        note: note.trim() === "" ? undefined : note.trim(),
      }),
    onSuccess: (saved) => {
      refresh(saved);
      onClose();
    },
  });
  return (
    <FormFrame
      label={t("signTitle", { step: name(step) })}
      mutation={mutation}
      submit={{ text: t("confirm"), primary: true, testId: "protocol-sign-confirm" }}
      onBack={onClose}
    >
      <label>
        {t("doneAt")}
        <input type="datetime-local" value={doneAt} onChange={(e) => setDoneAt(e.target.value)} required />
      </label>
      <label>
        {t("note")}
        <input type="text" value={note} maxLength={300} onChange={(e) => setNote(e.target.value)} />
      </label>
    </FormFrame>
  );
}

export function CancelForm({ plan }: { readonly plan: TProtocolPlanDto }) {
  const t = useTranslations("protocols");
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const mutation = useMutation({
    mutationFn: () => cancelProtocol(plan.bedId, plan.id, { reason: reason.trim() }),
    onSuccess: (saved) => refresh(saved),
  });
  if (!open)
    return (
      <p className="protocols__buttons">
        <button type="button" className="button" onClick={() => setOpen(true)} data-testid="protocol-cancel">
          {t("cancel")}
        </button>
      </p>
    );
  return (
    <FormFrame mutation={mutation} submit={{ text: t("confirmCancel"), primary: false }} onBack={() => setOpen(false)}>
      <label>
        {t("cancelReason")}
        <input
          type="text"
          value={reason}
          minLength={3}
          maxLength={300}
          required
          onChange={(e) => setReason(e.target.value)}
        />
      </label>
    </FormFrame>
  );
}

export function StartForm({
  bedId,
  episodeId,
  startable,
}: {
  readonly bedId: string;
  readonly episodeId: string;
  readonly startable: readonly TProtocolId[];
}) {
  const t = useTranslations("protocols");
  const refresh = useRefresh();
  const [chosen, setChosen] = useState<TProtocolId | null>(null);
  const [anchorAt, setAnchorAt] = useState("");
  const mutation = useMutation({
    mutationFn: (protocol: TProtocolId) =>
      startProtocol(bedId, {
        protocol,
        episodeId,
        anchorAt: anchorAt === "" ? undefined : new Date(anchorAt).getTime(),
      }),
    onSuccess: (saved) => {
      refresh(saved);
      setChosen(null);
    },
  });
  if (chosen === null)
    return (
      <div className="protocols__buttons" style={{ marginTop: "0.6rem" }}>
        {startable.map((id) => (
          <button
            key={id}
            type="button"
            className="button"
            data-testid={`protocol-start-${id}`}
            onClick={() => {
              setAnchorAt(toInputValue(Date.now()));
              setChosen(id);
            }}
          >
            {t("startTitle", { protocol: t(`name.${id}`) })}
          </button>
        ))}
      </div>
    );
  return (
    <FormFrame
      label={t("startTitle", { protocol: t(`name.${chosen}`) })}
      mutation={{ ...mutation, mutate: () => mutation.mutate(chosen) }}
      submit={{ text: t("start"), primary: true, testId: "protocol-start-confirm" }}
      onBack={() => setChosen(null)}
    >
      <p className="protocols__plan-name">{t(`name.${chosen}`)}</p>
      <label>
        {t(`anchor.${chosen}`)}
        <input type="datetime-local" value={anchorAt} onChange={(e) => setAnchorAt(e.target.value)} required />
      </label>
    </FormFrame>
  );
}
