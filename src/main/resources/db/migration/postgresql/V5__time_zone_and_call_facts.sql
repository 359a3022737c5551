-- Switchboard schema v5: each tenant's time zone (days and hours in history and analytics are the tenant's),
-- and facts about a call that history filters and analytics group by, kept in columns so they can be indexed.
-- duration_ms:    ended_at - started_at, when both are known.
-- ended_category: the ended reason grouped (customer_ended, assistant_ended, transferred, unreached, error, other);
--                 set by the application (call/EndedCategory.java), which also fills it for older rows at start.
-- transferred:    1 when the call was forwarded to a destination (or ended by a transfer).

ALTER TABLE tenants ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'UTC';
ALTER TABLE calls ADD COLUMN duration_ms BIGINT;
ALTER TABLE calls ADD COLUMN ended_category TEXT;
ALTER TABLE calls ADD COLUMN transferred INTEGER NOT NULL DEFAULT 0;
