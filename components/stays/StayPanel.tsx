"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useState, type FormEvent, type ReactNode } from "react";
import { DEVICE_TYPES } from "@/lib/catalogue/types";
import { IABP_RATIOS } from "@/lib/episodes/episode-settings";
import { bedKeys, stationKeys, stayKeys } from "@/lib/client/query-keys";
import { useCan } from "@/lib/client/session-user";
import { getSocket } from "@/lib/client/socket";
import { fetchBedStay, postStay } from "@/lib/client/stays-api";
import type { TStayChanged } from "@/lib/realtime/events";
import { CANNULATION_SIDES, EPISODE_END_REASONS, SEXES, STAY_DISPOSITIONS, type TBedStay } from "@/lib/stays/stay";
import { formatZoned } from "./format-zoned";

/**
 * The bed page's stay panel (issue 15): a free bed's admission form; an occupied bed's patient with move and
 * discharge; start, settings and end of support. Each action is one POST whose operation commits, audits and tells
 * every screen (stay:changed); this panel, the bed's detail and the station read again on that notice.
 */
export function StayPanel({ bedId, timeZone }: { readonly bedId: string; readonly timeZone: string }) {
  const t = useTranslations("stays");
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: stayKeys.bed(bedId), queryFn: () => fetchBedStay(bedId) });
  useEffect(() => {
    const socket = getSocket();
    const changed = (payload: TStayChanged) => {
      if (payload.bedId !== bedId) return;
      void queryClient.invalidateQueries({ queryKey: stayKeys.bed(bedId) });
      void queryClient.invalidateQueries({ queryKey: bedKeys.detail(bedId) });
    };
    socket.on("stay:changed", changed);
    return () => {
      socket.off("stay:changed", changed);
    };
  }, [bedId, queryClient]);
  const data = query.data;
  if (!data) return null;
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: stayKeys.all });
    void queryClient.invalidateQueries({ queryKey: bedKeys.detail(bedId) });
    void queryClient.invalidateQueries({ queryKey: stationKeys.all });
  };
  return (
    <section className="panel stay-panel" aria-labelledby="stay-title" data-testid="stay-panel">
      <h2 className="panel__title" id="stay-title">
        {t("panelTitle")}
      </h2>
      {data.stay === null ? (
        <AdmitForm data={data} onDone={refresh} />
      ) : (
        <Occupied data={data} stay={data.stay} timeZone={timeZone} onDone={refresh} />
      )}
    </section>
  );
}

type TStay = NonNullable<TBedStay["stay"]>;

/** Posts a form, shows the server's refusal as it is, and calls onDone after a commit. */
function useAction(bedId: string, onDone: () => void) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (rest: string, body: unknown) => {
    setBusy(true);
    setError(null);
    try {
      await postStay(bedId, rest, body);
      onDone();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, run };
}

function Failure({ message }: { readonly message: string | null }) {
  const t = useTranslations("stays");
  if (!message) return null;
  return (
    <p className="stay-panel__error" role="alert" data-testid="stay-error">
      {t("failed", { message })}
    </p>
  );
}

function Field({ label, children }: { readonly label: string; readonly children: ReactNode }) {
  return (
    <label className="stay-panel__field">
      <span>{label}</span>
      {children}
    </label>
  );
}

const text = (form: FormData, name: string) => {
  const raw = form.get(name);
  const v = typeof raw === "string" ? raw.trim() : "";
  return v === "" ? null : v;
};
const num = (form: FormData, name: string) => {
  const v = text(form, name);
  return v === null ? null : Number(v.replace(",", "."));
};

function AdmitForm({ data, onDone }: { readonly data: TBedStay; readonly onDone: () => void }) {
  const t = useTranslations("stays");
  const may = useCan("stay.manage");
  const { error, busy, run } = useAction(data.bed.id, onDone);
  if (!may) return <p data-testid="stay-free">{t("freeBed")}</p>;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    void run("stay", {
      mrn: text(f, "mrn") ?? "",
      givenName: text(f, "givenName") ?? "",
      familyName: text(f, "familyName") ?? "",
      birthDate: text(f, "birthDate") ?? "",
      sex: text(f, "sex") ?? "U",
      weightKg: num(f, "weightKg"),
      heightCm: num(f, "heightCm"),
      diagnosis: text(f, "diagnosis"),
      admittedAt: null,
    });
  };
  return (
    <form className="stay-panel__form" onSubmit={submit} data-testid="admit-form">
      <h3>{t("admitTitle", { label: data.bed.label })}</h3>
      <Field label={t("mrn")}>
        <input name="mrn" required autoComplete="off" />
      </Field>
      <Field label={t("familyName")}>
        <input name="familyName" required autoComplete="off" />
      </Field>
      <Field label={t("givenName")}>
        <input name="givenName" required autoComplete="off" />
      </Field>
      <Field label={t("birthDate")}>
        <input name="birthDate" type="date" required />
      </Field>
      <Field label={t("sex")}>
        <select name="sex" defaultValue="U">
          {SEXES.map((s) => (
            <option key={s} value={s}>
              {t(`sexes.${s}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t("weightKg")}>
        <input name="weightKg" inputMode="decimal" />
      </Field>
      <Field label={t("heightCm")}>
        <input name="heightCm" inputMode="decimal" />
      </Field>
      <Field label={t("diagnosis")}>
        <input name="diagnosis" autoComplete="off" />
      </Field>
      <button type="submit" className="button button--primary" disabled={busy} data-testid="admit-submit">
        {busy ? t("admitting") : t("admit")}
      </button>
      <Failure message={error} />
    </form>
  );
}

function Occupied({
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
  const { error, busy, run } = useAction(data.bed.id, onDone);
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
        {t("patientLine", { ...patient })}
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
      <SupportForms bedId={data.bed.id} running={episode !== null} onDone={onDone} />
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

function SupportForms({
  bedId,
  running,
  onDone,
}: {
  readonly bedId: string;
  readonly running: boolean;
  readonly onDone: () => void;
}) {
  const t = useTranslations("stays");
  const tb = useTranslations("bed");
  const mayManage = useCan("episode.manage");
  const maySet = useCan("episode.settings");
  const { error, busy, run } = useAction(bedId, onDone);
  const settingsOf = (f: FormData) =>
    Object.fromEntries(
      Object.entries({
        rpm: num(f, "rpm"),
        flow: num(f, "flow"),
        sweep: num(f, "sweep"),
        ratio: text(f, "ratio"),
        heparinRate: num(f, "heparinRate"),
      }).filter(([, v]) => v !== null),
    );
  const start = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const cannulas = Object.fromEntries(
      Object.entries({
        arterialFr: num(f, "arterialFr"),
        venousFr: num(f, "venousFr"),
        balloonMl: num(f, "balloonMl"),
      }).filter(([, v]) => v !== null),
    );
    void run("support", {
      deviceType: text(f, "deviceType"),
      startedAt: null,
      cannulationSite: text(f, "cannulationSite"),
      cannulationSide: text(f, "cannulationSide"),
      cannulas: Object.keys(cannulas).length === 0 ? null : cannulas,
      distalPerfusion: f.get("distalPerfusion") === "on",
      distalPerfusionAt: null,
      consoleModel: text(f, "consoleModel"),
      settings: settingsOf(f),
    });
  };
  const settings = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run("support/settings", { settings: settingsOf(new FormData(event.currentTarget)), at: null });
  };
  const end = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run("support/end", { reason: text(new FormData(event.currentTarget), "reason"), endedAt: null });
  };
  const settingFields = (
    <>
      <Field label={t("rpm")}>
        <input name="rpm" inputMode="numeric" />
      </Field>
      <Field label={t("flow")}>
        <input name="flow" inputMode="decimal" />
      </Field>
      <Field label={t("sweep")}>
        <input name="sweep" inputMode="decimal" />
      </Field>
      <Field label={t("ratio")}>
        <select name="ratio" defaultValue="">
          <option value="">—</option>
          {IABP_RATIOS.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t("heparinRate")}>
        <input name="heparinRate" inputMode="numeric" />
      </Field>
    </>
  );
  if (!running) {
    if (!mayManage) return null;
    return (
      <form className="stay-panel__form" onSubmit={start} data-testid="start-support-form">
        <h3>{t("startTitle")}</h3>
        <Field label={t("deviceType")}>
          <select name="deviceType" data-testid="start-device">
            {DEVICE_TYPES.map((d) => (
              <option key={d} value={d}>
                {tb(`deviceType.${d}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("cannulationSite")}>
          <input name="cannulationSite" autoComplete="off" />
        </Field>
        <Field label={t("cannulationSide")}>
          <select name="cannulationSide" defaultValue="">
            <option value="">—</option>
            {CANNULATION_SIDES.map((s) => (
              <option key={s} value={s}>
                {t(`sides.${s}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("arterialFr")}>
          <input name="arterialFr" inputMode="numeric" />
        </Field>
        <Field label={t("venousFr")}>
          <input name="venousFr" inputMode="numeric" />
        </Field>
        <Field label={t("balloonMl")}>
          <input name="balloonMl" inputMode="numeric" />
        </Field>
        <label className="stay-panel__check">
          <input type="checkbox" name="distalPerfusion" /> {t("distalPerfusion")}
        </label>
        <Field label={t("consoleModel")}>
          <input name="consoleModel" autoComplete="off" />
        </Field>
        {settingFields}
        <button type="submit" className="button button--primary" disabled={busy} data-testid="start-support-submit">
          {t("start")}
        </button>
        <Failure message={error} />
      </form>
    );
  }
  return (
    <>
      {maySet && (
        <form className="stay-panel__form" onSubmit={settings} data-testid="settings-form">
          <h3>{t("settingsTitle")}</h3>
          {settingFields}
          <button type="submit" className="button" disabled={busy}>
            {t("saveSettings")}
          </button>
        </form>
      )}
      {mayManage && (
        <form className="stay-panel__inline" onSubmit={end} data-testid="end-support-form">
          <Field label={t("endReason")}>
            <select name="reason">
              {EPISODE_END_REASONS.map((r) => (
                <option key={r} value={r}>
                  {t(`endReasons.${r}`)}
                </option>
              ))}
            </select>
          </Field>
          <button type="submit" className="button" disabled={busy} data-testid="end-support-submit">
            {t("end")}
          </button>
        </form>
      )}
      <Failure message={error} />
    </>
  );
}
