"use client";

import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { DEVICE_TYPES } from "@/lib/catalogue/types";
import { IABP_RATIOS } from "@/lib/episodes/episode-settings";
import { useCan } from "@/lib/client/session-user";
import { CANNULATION_SIDES, EPISODE_END_REASONS } from "@/lib/stays/stay";
import { Failure, Field, num, text, useAction, useWhen } from "./stay-form-parts";

/**
 * Start support (episode.manage) on a bed without one; record settings (episode.settings) or end it while it runs.
 * A start or an end is now unless its time is typed (a cannulation recorded after the fact), in the unit's zone.
 */
export function SupportForms({
  bedId,
  running,
  onDone,
  timeZone,
}: {
  readonly bedId: string;
  readonly running: boolean;
  readonly onDone: () => void;
  /** The unit's: a typed start or end is read in it, and a refusal names its times in it. */
  readonly timeZone: string;
}) {
  const t = useTranslations("stays");
  const tb = useTranslations("bed");
  const mayManage = useCan("episode.manage");
  const maySet = useCan("episode.settings");
  const { error, busy, run } = useAction(bedId, onDone, timeZone);
  const startedAt = useWhen("startedAt", timeZone);
  const endedAt = useWhen("endedAt", timeZone);
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
    const at = startedAt.read(f);
    if (at === undefined) return;
    const cannulas = Object.fromEntries(
      Object.entries({
        arterialFr: num(f, "arterialFr"),
        venousFr: num(f, "venousFr"),
        balloonMl: num(f, "balloonMl"),
      }).filter(([, v]) => v !== null),
    );
    void run("support", {
      deviceType: text(f, "deviceType"),
      startedAt: at,
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
    const f = new FormData(event.currentTarget);
    const at = endedAt.read(f);
    if (at === undefined) return;
    void run("support/end", { reason: text(f, "reason"), endedAt: at });
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
        {startedAt.field(t("startedAt"))}
        <button type="submit" className="button button--primary" disabled={busy} data-testid="start-support-submit">
          {t("start")}
        </button>
        <Failure message={startedAt.invalid ?? error} />
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
          {endedAt.field(t("endedAt"))}
          <button type="submit" className="button" disabled={busy} data-testid="end-support-submit">
            {t("end")}
          </button>
        </form>
      )}
      <Failure message={endedAt.invalid ?? error} />
    </>
  );
}
