-- Switchboard schema v10 (PostgreSQL): rare local hours through an index.
--
-- History's hour filter tests each call's local hour (created_at plus the offset in force, see
-- history/LocalTimeFilter.java), so a rare hour without days walked the tenant's whole history (over 100 ms for a
-- tenant with 230,000 calls). Offsets are whole quarter hours, so a local hour is a handful of UTC quarter hours of
-- the day; for a rare hour (counted on this index first) the query names them beside the exact test, and the planner
-- reads that hour's calls through this index. Common hours still walk the time index. SQLite's v10 adds call_data_values instead;
-- SQLite walks the time index for hours (about 50 ms for the same tenant).
CREATE INDEX calls_by_quarter ON calls (tenant_id, ((created_at / 900000) % 96), created_at);
-- The planner knows how calls spread over the quarters only after statistics are gathered (the server names the
-- quarters only for a rare hour, history/HistoryRepository.java, and the planner then weighs them with these).
ANALYZE calls;
