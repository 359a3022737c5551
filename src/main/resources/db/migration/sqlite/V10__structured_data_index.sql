-- Switchboard schema v10 (SQLite): structured-data filters through an index.
--
-- A data.<field>=<value> filter compared structured_data -> '$.field' on every call in time order until a page
-- (and its capped count) matched, parsing the JSON of thousands of calls when the value was uncommon. Here each
-- call's top-level values are rows (history/DataValues.java writes them in the call's own transaction, from the
-- stored JSON with the very expression the filter compares), so the filter walks its value's calls newest first.
-- Only names a filter can use (letters, digits, _, up to 64) and values it can equal (not objects or arrays, up
-- to 256 characters of JSON) are kept. PostgreSQL has no such table: its planner estimates the filter by itself
-- (its v10 adds an index for rare local hours instead).
CREATE TABLE call_data_values (
    tenant_id   TEXT NOT NULL,
    field       TEXT NOT NULL,  -- '$.' || the field's name: the filter's JSON path
    value       TEXT NOT NULL,  -- the field's value as JSON text: 8, true, "gold"
    created_at  INTEGER NOT NULL,
    call_id     TEXT NOT NULL,
    PRIMARY KEY (tenant_id, field, value, created_at, call_id)
) WITHOUT ROWID;
CREATE INDEX call_data_values_by_call ON call_data_values (tenant_id, call_id);

-- The calls stored before this version (the statement history/DataValues.java runs for each written call).
INSERT OR IGNORE INTO call_data_values (tenant_id, field, value, created_at, call_id)
SELECT tenant_id, field, value, created_at, call_id FROM (
    SELECT c.tenant_id, '$.' || j.key AS field, c.structured_data -> ('$.' || j.key) AS value, c.created_at, c.id AS call_id
    FROM calls c, json_each(CASE WHEN json_valid(c.structured_data) AND json_type(c.structured_data) = 'object'
                                 THEN c.structured_data ELSE '{}' END) j
    WHERE c.structured_data IS NOT NULL AND j.type NOT IN ('object', 'array') AND length(j.key) BETWEEN 1 AND 64
      AND j.key NOT GLOB '*[^A-Za-z0-9_]*'
) WHERE length(value) <= 256;
