-- Makes the range index of observations covering (adds "value"): a trend's per-pixel min/max then reads the index
-- alone (bench/series.ts). IF [NOT] EXISTS: another migration generated from the same schema may already have done it.

-- DropIndex
DROP INDEX IF EXISTS "Observation_episodeId_parameter_observedAt_idx";

-- CreateIndex
CREATE INDEX IF NOT EXISTS "Observation_episodeId_parameter_observedAt_value_idx" ON "Observation"("episodeId", "parameter", "observedAt", "value");
