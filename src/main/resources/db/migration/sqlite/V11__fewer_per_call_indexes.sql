-- Switchboard schema v11: one index fewer on each of the two tables every webhook writes to.
--
-- Every index entry a webhook adds lands on a page of its own call, and the webhooks committed together belong
-- to different calls: each index costs one more page written (to the log, then to the database file) per webhook.
-- That was most of what SQLite wrote (46 KB to disk per 1.4 KB webhook, log and checkpoint), so two indexes are folded
-- into others:
--
-- * webhook_events: the redelivery check and the lookup of a call's raw events become one index, keyed by call
--   first. Vapi's dedupe keys already include the call, so uniqueness per call is the same rule. Messages without
--   a call keep their own small (partial) unique index. The insert says ON CONFLICT DO NOTHING for both.
-- * transcript_lines: every read is by (tenant, call) and the unique position index starts with exactly that, so
--   the second index by (tenant, call, source, at) goes.
CREATE UNIQUE INDEX webhook_events_by_call_dedupe ON webhook_events (tenant_id, call_id, provider, dedupe_key);
CREATE UNIQUE INDEX webhook_events_dedupe_without_call ON webhook_events (tenant_id, provider, dedupe_key) WHERE call_id IS NULL;
DROP INDEX webhook_events_dedupe;
DROP INDEX webhook_events_by_call;
DROP INDEX transcript_lines_by_call;
