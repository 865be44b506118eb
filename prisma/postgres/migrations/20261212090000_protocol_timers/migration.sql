-- covers: 20261212090000_protocol_timers
-- Written by `npm run db:pg:migration` from the schema diff; data steps and triggers are ported by hand.
-- This is an empty migration.


-- Append-only, as on SQLite (prisma/migrations/20261212090000_protocol_timers): a signed step is never changed.
CREATE TRIGGER "ProtocolStepSignature_no_update" BEFORE UPDATE ON "ProtocolStepSignature" FOR EACH ROW
EXECUTE FUNCTION "station_refuse_change"('ProtocolStepSignature is append-only');

CREATE TRIGGER "ProtocolStepSignature_no_delete" BEFORE DELETE ON "ProtocolStepSignature" FOR EACH ROW
EXECUTE FUNCTION "station_refuse_change"('ProtocolStepSignature is append-only');
