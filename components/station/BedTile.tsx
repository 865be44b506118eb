import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useRef } from "react";
import { useCan } from "@/lib/client/session-user";
import { formatClockTime } from "@/lib/station/format-clock-time";
import type { TDeviceBadge, TPreparedTile } from "@/lib/station/prepare-tile";
import { isKeyCell, isKeyLab, isSheddableCell, type TTileDensity } from "@/lib/station/tile-density";
import { TileAlarm } from "@/components/alarms/TileAlarm";
import { isCountingAlarm, type TTileAlarm } from "@/lib/alarms/prepare-alarms";
import { TileRoundLine } from "@/components/rounds/TileRoundLine";
import { TileProtocolLine } from "@/components/protocols/TileProtocolLine";
import { Cell, LabCell } from "./TileCells";
import { useWholeCells } from "./use-whole-cells";

type TOccupiedTile = Extract<TPreparedTile, { kind: "occupied" }>;

/**
 * One bed on the wall. Draws a prepared tile (lib/station/prepare-tile.ts) and decides nothing itself. Its parts are
 * drawn in order of priority (station.css: the alarm line, the stale line, what is overdue, then the values, then
 * what is only information), and those that do not fit whole are left out (use-whole-cells.ts).
 */
export function BedTile({
  tile,
  timeZone,
  alarm,
  now = null,
  density = "full",
}: {
  readonly tile: TPreparedTile;
  readonly timeZone: string;
  /** How much the wall's tiles hold (lib/station/tile-density.ts): a dense tile words its stale line shorter. */
  readonly density?: TTileDensity;
  readonly alarm?: TTileAlarm;
  /** Server time, epoch ms: an elapsed-time alarm's age counts on from it. */
  readonly now?: number | null;
}) {
  const t = useTranslations("tile");
  const headingId = `bed-${tile.bedId}-heading`;
  const box = useRef<HTMLElement>(null);
  useWholeCells(box, tile.kind);

  if (tile.kind === "empty") {
    return (
      <article
        className="tile tile--empty"
        data-state="empty"
        data-testid="bed-tile"
        data-bed-id={tile.bedId}
        data-stale="false"
        aria-labelledby={headingId}
      >
        <header className="tile__head">
          <h2 className="tile__bed" id={headingId}>
            <TileLink bedId={tile.bedId} label={tile.label} />
          </h2>
        </header>
        <p className="tile__empty">{t("empty")}</p>
      </article>
    );
  }

  if (tile.kind === "admitted")
    return <AdmittedTile tile={tile} headingId={headingId} timeZone={timeZone} alarm={alarm} now={now} />;

  const stale = tile.device.stale;
  return (
    <article
      ref={box}
      className={`tile tile--occupied tile--${tile.deviceType === "VA_ECMO_IABP" ? "dual" : "single"}${stale ? " tile--stale" : ""}${alarmClass(alarm)}`}
      data-testid="bed-tile"
      data-bed-id={tile.bedId}
      data-state="occupied"
      data-stale={stale}
      data-alarm-priority={alarm?.priority ?? "none"}
      data-alarm-flashing={alarm?.flashing ?? false}
      aria-labelledby={headingId}
    >
      <header className="tile__head">
        <h2 className="tile__bed" id={headingId}>
          <TileLink bedId={tile.bedId} label={tile.label} />
        </h2>
        {tile.patient && (
          <span className="tile__patient">
            {t("patient", { initials: tile.patient.initials, age: tile.patient.ageYears })}
          </span>
        )}
        <span className="tile__badges">
          {tile.badges.map((badge) => (
            <Badge key={badge.kind} badge={badge} />
          ))}
        </span>
      </header>
      <dl className="tile__values" aria-label={t("deviceValues")} data-fit-group="">
        {tile.cells.map((cell) => (
          <Cell
            key={cell.kind === "value" ? cell.value.code : "augmentation"}
            cell={cell}
            timeZone={timeZone}
            sheddable={density === "full" && isSheddableCell(tile.deviceType, cell, alarm?.parameters)}
            keep={density === "full" && isKeyCell(tile.deviceType, cell)}
          />
        ))}
      </dl>
      <dl className="tile__labs" aria-label={t("labs")} data-fit-group="">
        {tile.labs.map((lab) => (
          <LabCell key={lab.code} lab={lab} timeZone={timeZone} keep={density === "full" && isKeyLab(lab.code)} />
        ))}
      </dl>
      {alarm && <TileAlarm alarm={alarm} now={isCountingAlarm(alarm.top) ? now : null} />}
      <TileProtocolLine bedId={tile.bedId} timeZone={timeZone} />
      <TileRoundLine bedId={tile.bedId} short={density === "dense"} />
      <DeviceFooter tile={tile} timeZone={timeZone} short={density === "dense"} />
    </article>
  );
}

/**
 * A patient in the bed with no support running: who, that no device is connected (nothing to be stale), the
 * stay's labs once one has come, and its next protocol step (the plans of an ended support run on).
 */
function AdmittedTile({
  tile,
  headingId,
  timeZone,
  alarm,
  now,
}: {
  readonly tile: Extract<TPreparedTile, { kind: "admitted" }>;
  readonly headingId: string;
  readonly timeZone: string;
  /** The stay's alarms are judged without support too (a lactate before cannulation): the tile shows them alike. */
  readonly alarm?: TTileAlarm;
  readonly now: number | null;
}) {
  const t = useTranslations("tile");
  const ts = useTranslations("stays");
  return (
    <article
      className={`tile tile--admitted${alarmClass(alarm)}`}
      data-testid="bed-tile"
      data-bed-id={tile.bedId}
      data-stale="false"
      data-state="admitted"
      data-alarm-priority={alarm?.priority ?? "none"}
      data-alarm-flashing={alarm?.flashing ?? false}
      aria-labelledby={headingId}
    >
      <header className="tile__head">
        <h2 className="tile__bed" id={headingId}>
          <TileLink bedId={tile.bedId} label={tile.label} />
        </h2>
        <span className="tile__patient">
          {t("patient", { initials: tile.patient.initials, age: tile.patient.ageYears })}
        </span>
      </header>
      {alarm && <TileAlarm alarm={alarm} now={isCountingAlarm(alarm.top) ? now : null} />}
      <p className="tile__empty">{ts("tileNoSupport")}</p>
      {/* The stay's labs, once one has come (a lactate before cannulation). */}
      {tile.labs.some((lab) => lab.observedAt !== null) && (
        <dl className="tile__labs" aria-label={t("labs")}>
          {tile.labs.map((lab) => (
            <LabCell key={lab.code} lab={lab} timeZone={timeZone} />
          ))}
        </dl>
      )}
      {/* The stay's plans outlive its support: after the balloon's removal, the limb checks and the flat rest. */}
      <TileProtocolLine bedId={tile.bedId} timeZone={timeZone} />
    </article>
  );
}

/** The tile's colour is its highest open alarm's priority (IEC 60601-1-8); it flashes while unacknowledged. */
function alarmClass(alarm: TTileAlarm | undefined): string {
  if (!alarm) return "";
  return ` tile--alarm-${alarm.priority}${alarm.flashing ? " tile--alarm-flashing" : ""}`;
}

/**
 * The bed label is the tile's one link, stretched over the whole tile (station.css): a click anywhere on the tile
 * opens the bed, and the keyboard reaches each tile once, by a link that says where it goes.
 */
function TileLink({ bedId, label }: { readonly bedId: string; readonly label: string }) {
  const t = useTranslations("tile");
  // A wall screen shows the unit, not a bed's detail (lib/auth/permissions.ts): its label is text, not a link.
  const mayOpen = useCan("bed.view");
  if (!mayOpen) {
    return (
      <span className="tile__link tile__link--static" data-testid="bed-tile-label">
        {label}
      </span>
    );
  }
  return (
    <Link
      className="tile__link"
      href={`/beds/${encodeURIComponent(bedId)}`}
      aria-label={t("open", { label })}
      data-testid="bed-tile-link"
    >
      {label}
    </Link>
  );
}

function Badge({ badge }: { readonly badge: TDeviceBadge }) {
  const t = useTranslations("tile");
  if (badge.kind === "ecmo") return <span className="badge badge--ecmo">{t("ecmoDay", { day: badge.day })}</span>;
  return (
    <span className="badge badge--iabp">
      {badge.ratio === null ? t("iabpNoRatio") : t("iabpRatio", { ratio: badge.ratio })}
    </span>
  );
}

/**
 * The time of the bed's newest device reading. When the bed is stale the same line turns into the stale notice:
 * "STALE since" that very time, in the tile's one reserved line, so that nothing else moves or gets pushed out.
 */
function DeviceFooter({
  tile,
  timeZone,
  short,
}: {
  readonly tile: TOccupiedTile;
  readonly timeZone: string;
  /** A dense tile's line is about twelve capitals wide at the wall's size: one word and the time, the sentence on hover. */
  readonly short: boolean;
}) {
  const t = useTranslations("tile");
  const locale = useLocale();
  const { newestAt, stale } = tile.device;
  const time = newestAt === null ? null : formatClockTime(newestAt, locale, timeZone);
  if (stale) {
    const full = time === null ? t("noDeviceData") : t("staleSince", { time });
    return (
      <footer className="tile__foot tile__foot--stale" data-testid="device-time" data-fit="">
        <span data-testid="stale-line" title={short ? full : undefined}>
          {short
            ? time === null
              ? t("staleShortNoData")
              : // To the minute: "STALE 05:28" holds on one line of a dense tile, the seconds are on hover.
                t("staleShort", { time: time.replace(/:\d{2}$/, "") })
            : full}
        </span>
      </footer>
    );
  }
  return (
    <footer className="tile__foot" data-testid="device-time" data-fit="">
      {time === null ? t("noDeviceDataFooter") : t("deviceData", { time })}
    </footer>
  );
}
