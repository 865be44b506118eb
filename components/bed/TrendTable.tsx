import { useLocale, useTranslations } from "next-intl";
import { formatDayTime, formatHourMinute } from "@/lib/bed/format-date-time";
import type { TPreparedChart } from "@/lib/bed/prepare-trend-chart";
import type { TTrendTable } from "@/lib/bed/prepare-trend-table";

/** The chart's data as rows: min–max per line and clock step, newest first; a stretch without readings says so. */
export function TrendTable({
  chart,
  table,
  timeZone,
}: {
  readonly chart: TPreparedChart;
  readonly table: TTrendTable;
  readonly timeZone: string;
}) {
  const t = useTranslations("bed.trends");
  const locale = useLocale();
  const multiDay = chart.domain[1] - chart.domain[0] > 20 * 3_600_000;
  return (
    <div className="trend-table" data-testid={`trend-table-${chart.id}`}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("time")}</th>
            {chart.lines.map((line) => (
              <th scope="col" key={line.code}>
                {line.label} <span className="trend-table__unit">{chart.unit}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.from}>
              <th scope="row">
                {multiDay ? formatDayTime(row.from, locale, timeZone) : formatHourMinute(row.from, locale, timeZone)}
                {"–"}
                {formatHourMinute(row.to, locale, timeZone)}
              </th>
              {row.cells.map((cell, index) => (
                <td key={chart.lines[index]?.code ?? index} className={cell ? undefined : "trend-table__gap"}>
                  {cell ? cell.text : t("gap")}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
