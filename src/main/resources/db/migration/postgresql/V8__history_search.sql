-- Switchboard schema v8: history filters and full-text search.
--
-- History lists a tenant's calls newest first by created_at (when the call was placed; started_at is empty for
-- calls nobody answered) with id as the tie-break, and pages with a keyset on (created_at, id). Each filter that
-- can be selective (a status other than ended, a rare ended reason or category, one caller's number, web calls,
-- transferred calls, an evaluation) gets an index that starts with (tenant_id, <column>) and keeps the time
-- order after it, so a first page (and its capped count) is a short index range walk instead of a sort or a
-- scan. Assistants (a few per tenant), dates and structured-data fields ride the time index.
DROP INDEX calls_by_tenant_created;
CREATE INDEX calls_by_tenant_created ON calls (tenant_id, created_at, id);
CREATE INDEX calls_by_status ON calls (tenant_id, status, created_at, id);
CREATE INDEX calls_by_category ON calls (tenant_id, ended_category, created_at, id);
CREATE INDEX calls_by_reason ON calls (tenant_id, ended_reason, created_at, id);
CREATE INDEX calls_by_phone ON calls (tenant_id, phone_number, created_at, id);
CREATE INDEX calls_by_type ON calls (tenant_id, call_type, created_at, id);
CREATE INDEX calls_by_transferred ON calls (tenant_id, transferred, created_at, id);
CREATE INDEX calls_by_success ON calls (tenant_id, success_evaluation, created_at, id);
-- Ranges that match few calls (over 5 minutes, over $1) would walk the whole tenant in time order; with these
-- the rows are found directly and sorted (history/HistoryRepository.java asks how many match first on SQLite,
-- whose planner cannot tell; PostgreSQL's statistics can).
CREATE INDEX calls_by_duration ON calls (tenant_id, duration_ms);
CREATE INDEX calls_by_cost ON calls (tenant_id, cost);

-- One search document per ended call: its summary and transcript (history/SearchIndex.java writes it in the
-- same transaction as the call). The vector starts with one token for the tenant ('x' + hex of the tenant id,
-- 'simple' config) so a search intersects the tenant's documents inside the GIN index; the words use the
-- 'english' config (stemming, stop words).
CREATE TABLE call_search_docs (
    tenant_id  TEXT NOT NULL,
    call_id    TEXT NOT NULL,
    body       TEXT NOT NULL,
    tsv        TSVECTOR NOT NULL,
    PRIMARY KEY (tenant_id, call_id)
);
CREATE INDEX call_search_docs_tsv ON call_search_docs USING GIN (tsv);

-- Calls that ended before this version: their document now (summary, then the transcript a reader sees: the
-- report's if there is one, else the live finals, else the conversation updates).
INSERT INTO call_search_docs (tenant_id, call_id, body, tsv)
SELECT d.tenant_id, d.call_id, d.body,
       to_tsvector('simple', 'x' || encode(convert_to(d.tenant_id, 'UTF8'), 'hex')) || to_tsvector('english', d.body)
FROM (SELECT c.tenant_id, c.id AS call_id,
             COALESCE(c.summary, '') || chr(10) || COALESCE((
                 SELECT string_agg(l.text, chr(10) ORDER BY l.at, l.id) FROM transcript_lines l
                 WHERE l.tenant_id = c.tenant_id AND l.call_id = c.id AND l.source = (
                     SELECT s.source FROM transcript_lines s WHERE s.tenant_id = c.tenant_id AND s.call_id = c.id
                     ORDER BY CASE s.source WHEN 'report' THEN 0 WHEN 'live' THEN 1 ELSE 2 END LIMIT 1)), '') AS body
      FROM calls c WHERE c.status = 'ended') d;
