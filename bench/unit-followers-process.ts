// A process of socket clients for the two-node bench (bench/two-nodes.ts, BENCH_NODES_CLIENT_PROCESSES): its share of
// the clients (bench/unit-followers.ts), driven over the IPC channel: "count" / "stop" in, "READY" / figures out.
import { followUnit } from "./unit-followers";

const followers = await followUnit({
  ports: { a: Number(process.env.BENCH_PORT_A), b: Number(process.env.BENCH_PORT_B) },
  cookie: process.env.BENCH_COOKIE ?? "",
  clients: Number(process.env.BENCH_CLIENTS),
  firstIndex: Number(process.env.BENCH_FIRST_CLIENT),
});
process.send?.("READY");
process.on("message", (message) => {
  if (message === "count") followers.count(true);
  if (message === "stop") {
    followers.count(false);
    followers.close();
    process.send?.(followers.figures(), () => process.exit(0));
  }
});
