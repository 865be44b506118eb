import type { TImportRejection } from "@/lib/imports/import-record";
import type { Db } from "../client";

const PAGE = 5_000;

/**
 * A job's rejections in the order they were found, page by page, so that the report of a file with a million bad
 * rows is streamed rather than loaded.
 */
export async function* listImportRejections({
  db,
  jobId,
}: {
  db: Db;
  jobId: string;
}): AsyncGenerator<TImportRejection> {
  let after = 0;
  for (;;) {
    const rows = await db.importRejection.findMany({
      where: { jobId, id: { gt: after } },
      orderBy: { id: "asc" },
      take: PAGE,
    });
    for (const row of rows)
      yield { location: row.location, field: row.field, value: row.value, code: row.code, reason: row.reason };
    const last = rows.at(-1);
    if (!last || rows.length < PAGE) return;
    after = last.id;
  }
}
