import Link from "next/link";
import { useTranslations } from "next-intl";
import type { TEpisodeSettings } from "@/lib/episodes/episode-settings";
import { protocolById } from "@/lib/protocols/protocols";
import type { TStayRecord } from "@/lib/stays/stay-record";
import { formatBirthDate, formatRecordTime } from "./format-record-time";
import { RecordPrintButton } from "./RecordPrintButton";
import "./stay-record.css";

type TEpisode = TStayRecord["episodes"][number];
const SETTING_ORDER = ["rpm", "flow", "sweep", "fdo2", "ratio", "trigger", "heparinRate"] as const;
const CANNULA_ORDER = ["arterialFr", "venousFr", "balloonMl"] as const;
const STATUSES = ["active", "completed", "cancelled"] as const;
type TStatus = (typeof STATUSES)[number];

/**
 * A stay's record, read-only and printable (issue 15): identity, admission and discharge, the beds in turn, each
 * support run with its cannulation and settings history, and the protocol timers that ran. Every time is in the
 * unit's zone; every person by name.
 */
export function StayRecordView({ record }: { readonly record: TStayRecord }) {
  const t = useTranslations("stayRecord");
  const ts = useTranslations("stays");
  const when = (ms: number) => formatRecordTime(ms, record.timeZone);
  const by = (name: string | null) => (name ? ` ${t("by", { name })}` : "");
  const { patient } = record;
  return (
    <main className="stay-record" id="main" data-testid="stay-record">
      <header className="stay-record__header">
        <h1>{t("title")}</h1>
        <p className="stay-record__patient" data-testid="stay-record-patient">
          {t("identity", {
            ...patient,
            birthDate: formatBirthDate(patient.birthDate),
            sex: ts(`sexes.${patient.sex as "F" | "M" | "O" | "U"}`),
          })}
        </p>
        <p>{record.dischargedAt === null ? t("stillAdmitted") : t("readOnly")}</p>
        <p className="no-print">
          <RecordPrintButton />{" "}
          <Link href={`/units/${encodeURIComponent(record.unitId)}/archive`}>{t("backToArchive")}</Link>
        </p>
      </header>
      <section className="stay-record__section">
        <p>
          {t("measures", {
            weight: record.weightKg === null ? t("unknown") : `${record.weightKg} kg`,
            height: record.heightCm === null ? t("unknown") : `${record.heightCm} cm`,
          })}
        </p>
        {record.diagnosis && <p>{t("diagnosis", { diagnosis: record.diagnosis })}</p>}
        <p>
          {t("admitted", { time: when(record.admittedAt), unit: record.unitName })}
          {by(record.admittedBy)}
        </p>
        {record.dischargedAt !== null && (
          <p data-testid="stay-record-discharge">
            {t("discharged", {
              time: when(record.dischargedAt),
              disposition: record.disposition ? ts(`dispositions.${record.disposition}`) : t("unknown"),
            })}
            {by(record.dischargedBy)}
          </p>
        )}
      </section>
      <section className="stay-record__section" aria-labelledby="record-beds">
        <h2 id="record-beds">{t("bedsTitle")}</h2>
        <ul>
          {record.beds.map((b) => (
            <li key={`${b.label}-${b.from}`}>
              {t("bedRow", { label: b.label, from: when(b.from), to: b.to === null ? t("untilNow") : when(b.to) })}
              {by(b.by)}
            </li>
          ))}
        </ul>
      </section>
      <section className="stay-record__section" aria-labelledby="record-support">
        <h2 id="record-support">{t("supportTitle")}</h2>
        {record.episodes.length === 0 && <p>{t("noSupport")}</p>}
        {record.episodes.map((e) => (
          <EpisodeRecord key={e.startedAt} episode={e} when={when} by={by} />
        ))}
      </section>
    </main>
  );
}

function EpisodeRecord({
  episode: e,
  when,
  by,
}: {
  readonly episode: TEpisode;
  readonly when: (ms: number) => string;
  readonly by: (name: string | null) => string;
}) {
  const t = useTranslations("stayRecord");
  const ts = useTranslations("stays");
  const tb = useTranslations("bed");
  const tp = useTranslations("protocols");
  const protocolName = (id: string) => {
    const known = protocolById(id);
    return known ? tp(`name.${known.id}`) : t("unknownProtocol");
  };
  const cannulas = CANNULA_ORDER.filter((k) => e.cannulas?.[k] !== undefined).map((k) =>
    t(`cannulaNames.${k}`, { value: e.cannulas?.[k] ?? 0 }),
  );
  const side = e.cannulationSide as "left" | "right" | "central" | null;
  return (
    <article className="stay-record__episode" data-testid="stay-record-episode">
      <h3>
        {t("episodeTitle", {
          device: tb(`deviceType.${e.deviceType}`),
          from: when(e.startedAt),
          to: e.endedAt === null ? t("running") : when(e.endedAt),
        })}
      </h3>
      <p>
        {by(e.startedBy).trim()}
        {e.endReason && (
          <>
            {" · "}
            {t("endReason", { reason: ts(`endReasons.${e.endReason}`) })}
            {by(e.endedBy)}
          </>
        )}
      </p>
      {(e.cannulationSite || side) && (
        <p>{t("cannulation", { site: e.cannulationSite ?? "", side: side ? ts(`sides.${side}`) : "" })}</p>
      )}
      {cannulas.length > 0 && <p>{t("cannulas", { list: cannulas.join(", ") })}</p>}
      {e.distalPerfusion !== null && <p>{t("dpc", { answer: e.distalPerfusion ? t("yes") : t("no") })}</p>}
      {e.consoleModel && <p>{t("console", { model: e.consoleModel })}</p>}
      {e.settings.length > 0 && (
        <table className="stay-record__table">
          <caption>{t("settingsTitle")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("settingsColumns.at")}</th>
              <th scope="col">{t("settingsColumns.by")}</th>
              <th scope="col">{t("settingsColumns.settings")}</th>
            </tr>
          </thead>
          <tbody>
            {e.settings.map((s, i) => (
              <tr key={`${s.at}-${i}`}>
                <td>{when(s.at)}</td>
                <td>{s.by ?? ""}</td>
                <td>{settingsText(s.settings, (k, value) => t(`settingNames.${k}`, { value }))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {e.protocols.length > 0 && (
        <>
          <h4>{t("protocolsTitle")}</h4>
          <ul>
            {e.protocols.map((p) => (
              <li key={`${p.protocol}-${p.startedAt}`}>
                {t("protocolRow", {
                  name: protocolName(p.protocol),
                  time: when(p.startedAt),
                  status: STATUSES.includes(p.status as TStatus) ? t(`protocolStatus.${p.status as TStatus}`) : "",
                })}
              </li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}

function settingsText(
  settings: TEpisodeSettings,
  name: (key: (typeof SETTING_ORDER)[number], value: string | number) => string,
): string {
  return SETTING_ORDER.filter((k) => settings[k] !== undefined)
    .map((k) => name(k, settings[k] as string | number))
    .join(" · ");
}
