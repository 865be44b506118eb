"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { cancelProtocol, signProtocolStep, startProtocol } from "@/lib/client/protocols-api";
import { useDescribeRequestError } from "@/lib/client/use-describe-request-error";
import { protocolKeys } from "@/lib/client/query-keys";
import type { TProtocolPlanDto } from "@/lib/protocols/protocol-dtos";
import type { TProtocolId } from "@/lib/protocols/protocols";
import type { TPreparedStep } from "@/lib/protocols/prepare-protocols";
import { asksFinding, checkStepFinding, type TStepFinding, type TStepFindingIssue } from "@/lib/protocols/step-finding";
import { isLocale } from "@/lib/i18n/locales";
import { formatFormDateTime, readFormDateTime } from "@/lib/time/form-date-time";
import { DateTimeField } from "@/components/ui/DateTimeField";
import { LimbFindingFields } from "./LimbFindingFields";
import { useStepName } from "./StepWords";

/* The bed panel's three forms: sign a step, cancel a plan with its reason, start a protocol. */

/**
 * A time typed in the unit's zone and the page's language (components/ui/DateTimeField.tsx): the field's text, "now"
 * to start with, and its reading on submit (null, and the field says how to type it, when it is not a time).
 */
function useUnitTime(timeZone: string) {
  const raw = useLocale();
  const locale = isLocale(raw) ? raw : "en";
  const [text, setText] = useState(() => formatFormDateTime(Date.now(), locale, timeZone));
  const [invalid, setInvalid] = useState(false);
  return {
    text,
    invalid,
    change: (next: string) => {
      setText(next);
      setInvalid(false);
    },
    reset: () => {
      setText(formatFormDateTime(Date.now(), locale, timeZone));
      setInvalid(false);
    },
    read: (): number | null => {
      const at = readFormDateTime({ text, locale, timeZone });
      setInvalid(at === null);
      return at;
    },
  };
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
  timeZone,
  onClose,
}: {
  readonly plan: TProtocolPlanDto;
  readonly step: TPreparedStep;
  /** The unit's: the time is typed and read in it. */
  readonly timeZone: string;
  readonly onClose: () => void;
}) {
  const t = useTranslations("protocols");
  const name = useStepName();
  const refresh = useRefresh();
  const doneAt = useUnitTime(timeZone);
  const [note, setNote] = useState("");
  // A limb check is signed with its finding (an abnormal one with its comment, the note): judged here by the rule the
  // server applies, so that the form says what is missing before anything is sent.
  const limb = asksFinding(step.stepId);
  const [finding, setFinding] = useState<TStepFinding | null>(null);
  const [issue, setIssue] = useState<TStepFindingIssue | null>(null);
  const mutation = useMutation({
    mutationFn: (at: number) =>
      signProtocolStep(plan.bedId, plan.id, {
        stepId: step.stepId,
        doneAt: at,
        ...(limb && finding !== null ? { finding } : {}),
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
      mutation={{
        ...mutation,
        mutate: () => {
          const at = doneAt.read();
          const missing = checkStepFinding({ stepId: step.stepId, finding: finding ?? undefined, note });
          setIssue(missing);
          if (at !== null && missing === null) mutation.mutate(at);
        },
      }}
      submit={{ text: t("confirm"), primary: true, testId: "protocol-sign-confirm" }}
      onBack={onClose}
    >
      <DateTimeField
        label={t("doneAt")}
        value={doneAt.text}
        onChange={doneAt.change}
        invalid={doneAt.invalid}
        testId="protocol-done-at"
      />
      {limb ? (
        <LimbFindingFields
          finding={finding}
          comment={note}
          issue={issue}
          onFinding={(chosen) => {
            setFinding(chosen);
            setIssue(null);
          }}
          onComment={(text) => {
            setNote(text);
            setIssue(null);
          }}
        />
      ) : (
        <label>
          {t("note")}
          <input type="text" value={note} maxLength={300} onChange={(e) => setNote(e.target.value)} />
        </label>
      )}
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
  timeZone,
}: {
  readonly bedId: string;
  readonly episodeId: string;
  readonly startable: readonly TProtocolId[];
  /** The unit's: the anchor time is typed and read in it. */
  readonly timeZone: string;
}) {
  const t = useTranslations("protocols");
  const refresh = useRefresh();
  const [chosen, setChosen] = useState<TProtocolId | null>(null);
  const anchorAt = useUnitTime(timeZone);
  const mutation = useMutation({
    mutationFn: ({ protocol, at }: { protocol: TProtocolId; at: number }) =>
      startProtocol(bedId, { protocol, episodeId, anchorAt: at }),
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
              anchorAt.reset();
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
      mutation={{
        ...mutation,
        mutate: () => {
          const at = anchorAt.read();
          if (at !== null) mutation.mutate({ protocol: chosen, at });
        },
      }}
      submit={{ text: t("start"), primary: true, testId: "protocol-start-confirm" }}
      onBack={() => setChosen(null)}
    >
      <p className="protocols__plan-name">{t(`name.${chosen}`)}</p>
      <DateTimeField
        label={t(`anchor.${chosen}`)}
        value={anchorAt.text}
        onChange={anchorAt.change}
        invalid={anchorAt.invalid}
        testId="protocol-anchor-at"
      />
    </FormFrame>
  );
}
