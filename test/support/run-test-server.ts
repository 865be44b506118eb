// A station server in its own process, for the tests that kill it with SIGKILL. It writes one reading every
// PRODUCE_EVERY_MS for TEST_EPISODE through the real write path, numbering them after what the database holds.
import { createDb } from "@/lib/db/client";
import { createStationServer } from "@/server/create-station-server";
import { silentLogger } from "@/lib/log/logger";

const url = process.env.DATABASE_URL ?? "";
const port = Number(process.env.PORT);
const episodeId = process.env.TEST_EPISODE ?? "";
const every = Number(process.env.PRODUCE_EVERY_MS ?? "20");

const db = await createDb(url);
const server = await createStationServer({ db, log: silentLogger });
await server.listen(port, "127.0.0.1");
let n = await db.observation.count();
setInterval(() => {
  n += 1;
  const ref = `kill-test-${process.pid}-${n}`;
  void server.writer.submit([
    {
      episodeId,
      parameter: "ecmo_flow",
      value: 3 + (n % 10) / 10,
      unit: "L/min",
      observedAt: new Date(),
      source: "device",
      sourceRef: ref,
    },
  ]);
}, every);
process.stdout.write("READY\n");
