import { parseImportActor } from "@/lib/imports/import-actor";
import type { TImportJobDto } from "@/lib/imports/import-job";
import type { Db } from "../client";
import { toImportJobDto } from "./to-import-job-dto";

/** The latest jobs first: the import history, each person who ran one by display name. */
export async function listImportJobs({ db, limit = 50 }: { db: Db; limit?: number }): Promise<TImportJobDto[]> {
  const jobs = await db.importJob.findMany({ orderBy: { startedAt: "desc" }, take: Math.min(Math.max(limit, 1), 500) });
  const usernames = [
    ...new Set(jobs.map((j) => parseImportActor(j.actor)).flatMap((a) => (a.kind === "user" ? [a.name] : []))),
  ];
  const users = await db.user.findMany({
    where: { username: { in: usernames } },
    select: { username: true, displayName: true },
  });
  const displayNames = new Map(users.map((u) => [u.username, u.displayName]));
  return jobs.map((job) => toImportJobDto(job, displayNames));
}
