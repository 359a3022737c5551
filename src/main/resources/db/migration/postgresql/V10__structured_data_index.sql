-- Switchboard schema v10: nothing to do on PostgreSQL.
--
-- SQLite's v10 adds call_data_values, an index of structured-data values, because its planner cannot tell a rare
-- data.<field>=<value> from a common one and parses the JSON of every call it walks. PostgreSQL's planner estimates
-- the filter itself, and its first pages with such a filter measured well inside the target (README, Performance).
-- This file keeps the two schemas' version numbers in step.
SELECT 1;
