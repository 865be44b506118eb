import { z } from "zod";

/** A yes/no environment variable, as operators write them: true/false, 1/0, on/off, yes/no. */
export const ZEnvBoolean = z
  .enum(["true", "false", "1", "0", "on", "off", "yes", "no"])
  .transform((v) => ["true", "1", "on", "yes"].includes(v));
