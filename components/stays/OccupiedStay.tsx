"use client";

import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import type { DEVICE_TYPES } from "@/lib/catalogue/types";
import { useCan } from "@/lib/client/session-user";
import { STAY_DISPOSITIONS, type TBedStay } from "@/lib/stays/stay";
import { formatBirthDate } from "./format-record-time";
import { formatZoned } from "./format-zoned";
import { Failure, Field, text, useAction } from "./stay-form-parts";
import { SupportForms } from "./SupportForms";

type TStay = NonNullable<TBedStay["stay"]>;

/** An occupied bed: its patient and running support, the support's forms, and move and discharge. */
export function OccupiedStay({
  data,
  stay,
  timeZone,
  onDone,
}: {
  readonly data: TBedStay;
  readonly stay: TStay;
  readonly timeZone: string;
  readonly onDone: () => void;
}) {
  const t = useTranslations("stays");
  const tb = useTranslations("bed");
  const mayManage = useCan("stay.manage");
  const { error, busy, run } = useAction(data.bed.id, onDone, timeZone);
  const move = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run("stay/move", { toBedId: text(new FormData(event.currentTarget), "toBedId") ?? "" });
  };
  const discharge = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!window.confirm(t("dischargeConfirm"))) return;
    void run("stay/discharge", {
      disposition: text(new FormData(event.currentTarget), "disposition"),
      dischargedAt: null,
    });
  };
  const { patient, episode } = stay;
  return (
    <div data-testid="stay-occupied">
      <p className="stay-panel__patient" data-testid="stay-patient">
        {t("patientLine", { ...patient, birthDate: formatBirthDate(patient.birthDate) })}
      </p>
      <p>{t("admittedSince", { time: formatZoned(stay.admittedAt, timeZone) })}</p>
      <p data-testid="stay-support">
        {episode
          ? t("supportRunning", {
              device: tb(`deviceType.${episode.deviceType as (typeof DEVICE_TYPES)[number]}`),
              time: formatZoned(episode.startedAt, timeZone),
            })
          : t("noSupport")}
      </p>
      <SupportForms bedId={data.bed.id} running={episode !== null} onDone={onDone} timeZone={timeZone} />
      {mayManage && (
        <div className="stay-panel__actions">
          <form onSubmit={move} className="stay-panel__inline">
            {data.freeBeds.length === 0 ? (
              <span>{t("noFreeBed")}</span>
            ) : (
              <>
                <Field label={t("moveTo")}>
                  <select name="toBedId" data-testid="move-to">
                    {data.freeBeds.map((b) => (
                      <option key={b.id} value={b.id}>
                        {b.label}
                      </option>
                    ))}
                  </select>
                </Field>
                <button type="submit" className="button" disabled={busy}>
                  {t("move")}
                </button>
              </>
            )}
          </form>
          <form onSubmit={discharge} className="stay-panel__inline">
            <Field label={t("disposition")}>
              <select name="disposition" data-testid="discharge-disposition">
                {STAY_DISPOSITIONS.map((d) => (
                  <option key={d} value={d}>
                    {t(`dispositions.${d}`)}
                  </option>
                ))}
              </select>
            </Field>
            <button type="submit" className="button" disabled={busy} data-testid="discharge-submit">
              {t("discharge")}
            </button>
          </form>
        </div>
      )}
      <Failure message={error} />
    </div>
  );
}
