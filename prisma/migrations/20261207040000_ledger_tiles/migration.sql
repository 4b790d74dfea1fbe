-- The ledger's tree stored as C2SP tlog-tiles (as Tessera stores it) and its entries as bundles of 256,
-- instead of one row per leaf (ledger_entry) and per stored subtree (ledger_node): 448 bytes per leaf
-- became about 130 (docs/ledger.md, "Storage"). Existing leaves move to the new layout here; roots,
-- proofs and checkpoints are unchanged (test/ledger/migrate-ledger-tiles.test.ts).
--
--   ledger_tile(level, idx, hashes, root)  a full tile: the 256 hashes of the subtrees of height 8·level
--                                          with indexes 256·idx…, and their root (the tile's entry one
--                                          level up). Partial tiles are not stored: a partial tile at
--                                          level L ≥ 1 is the roots of full tiles at level L − 1, at level
--                                          0 the leaf hashes of ledger_tail.
--   ledger_bundle(idx, items, entries)     the 256 entries of leaves 256·idx…: their items' SHA-256s
--                                          (256 × 32 bytes) and the rest of each entry, compact (format in
--                                          lib/ledger/entry-bundle.ts). A GIN index on the items' first
--                                          8 bytes finds an item's bundle.
--   ledger_tail(leaf_index, …)             the leaves after the last full bundle (at most 255), one row
--                                          each, moved into a bundle (and deleted here) when it fills.

-- The first 8 bytes of each 32-byte item hash, as bigints: the lookup keys of a bundle. Its COST says
-- what it is (256 keys a call), so the planner reads the GIN index rather than computing it per row.
CREATE FUNCTION "ledger_item_keys"(items bytea) RETURNS bigint[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 100000 AS $$
  SELECT array_agg(('x' || encode(substring(items FROM k * 32 + 1 FOR 8), 'hex'))::bit(64)::bigint)
    FROM generate_series(0, octet_length(items) / 32 - 1) AS k
$$;

-- CreateTable
CREATE TABLE "ledger_tile" (
    "level" SMALLINT NOT NULL,
    "idx" BIGINT NOT NULL,
    "hashes" BYTEA NOT NULL,
    "root" BYTEA NOT NULL,

    CONSTRAINT "ledger_tile_pkey" PRIMARY KEY ("level","idx"),
    CONSTRAINT "ledger_tile_shape" CHECK ("level" BETWEEN 0 AND 7 AND "idx" >= 0 AND octet_length("hashes") = 8192 AND octet_length("root") = 32)
);
-- Hashes do not compress: stored out of line as they are, so a slice (a proof's few hashes) is read without the rest.
ALTER TABLE "ledger_tile" ALTER COLUMN "hashes" SET STORAGE EXTERNAL;

-- CreateTable
CREATE TABLE "ledger_bundle" (
    "idx" BIGINT NOT NULL,
    "items" BYTEA NOT NULL,
    "entries" BYTEA NOT NULL,

    CONSTRAINT "ledger_bundle_pkey" PRIMARY KEY ("idx"),
    CONSTRAINT "ledger_bundle_shape" CHECK ("idx" >= 0 AND octet_length("items") = 8192)
);
ALTER TABLE "ledger_bundle" ALTER COLUMN "items" SET STORAGE EXTERNAL;

-- CreateIndex (an expression index: not in schema.prisma, which cannot express it)
CREATE INDEX "ledger_bundle_item_keys_idx" ON "ledger_bundle" USING GIN ("ledger_item_keys"("items"));

-- CreateTable
CREATE TABLE "ledger_tail" (
    "leaf_index" BIGINT NOT NULL,
    "entry" BYTEA NOT NULL,
    "leaf_hash" BYTEA NOT NULL,
    "item_sha256" BYTEA NOT NULL,

    CONSTRAINT "ledger_tail_pkey" PRIMARY KEY ("leaf_index"),
    CONSTRAINT "ledger_tail_shape" CHECK ("leaf_index" >= 0 AND octet_length("leaf_hash") = 32 AND octet_length("item_sha256") = 32)
);

-- The existing leaves, checked: each entry must come back byte for byte from its compact form.
DO $$
DECLARE
  bad RECORD;
BEGIN
  SELECT e.leaf_index INTO bad
    FROM ledger_entry e
    CROSS JOIN LATERAL (SELECT convert_from(e.entry, 'UTF8')::json AS j) AS p
   WHERE convert_to('{"at":"' || to_char((p.j->>'at')::timestamptz AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
                    || '","kind":"' || (p.j->>'kind') || '","ref":' || to_json(p.j->>'ref')::text
                    || ',"sha256":"' || encode(e.item_sha256, 'hex') || '"}', 'UTF8') IS DISTINCT FROM e.entry
      OR octet_length(p.j->>'ref') > 200 OR octet_length(p.j->>'kind') > 40
   ORDER BY e.leaf_index LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'ledger leaf % cannot be moved to the compact layout (not a canonical entry): run npm run ledger:verify', bad.leaf_index;
  END IF;
END $$;

WITH full_groups AS (
  SELECT coalesce(max(leaf_index) + 1, 0) / 256 AS n FROM ledger_entry
)
INSERT INTO "ledger_bundle" (idx, items, entries)
SELECT e.leaf_index / 256,
       string_agg(e.item_sha256, ''::bytea ORDER BY e.leaf_index),
       string_agg(int8send(round(extract(epoch FROM (p.j->>'at')::timestamptz) * 1000)::bigint)
                  || CASE p.j->>'kind' WHEN 'document' THEN '\x00'::bytea WHEN 'pdf' THEN '\x01'::bytea
                       WHEN 'declaration-version' THEN '\x02'::bytea WHEN 'decision' THEN '\x03'::bytea
                       ELSE set_byte('\x00'::bytea, 0, 128 + octet_length(p.j->>'kind')) || convert_to(p.j->>'kind', 'UTF8') END
                  || set_byte('\x00'::bytea, 0, octet_length(p.j->>'ref')) || convert_to(p.j->>'ref', 'UTF8'),
                  ''::bytea ORDER BY e.leaf_index)
  FROM ledger_entry e
  CROSS JOIN LATERAL (SELECT convert_from(e.entry, 'UTF8')::json AS j) AS p
  CROSS JOIN full_groups g
 WHERE e.leaf_index < g.n * 256
 GROUP BY e.leaf_index / 256;

-- Level 0: leaf hashes; level L: the stored subtree hashes of height 8L; each tile's root is the stored
-- subtree of height 8(L + 1) it makes up (NOT NULL: a missing one stops the migration).
INSERT INTO "ledger_tile" (level, idx, hashes, root)
SELECT 0, g.idx, g.hashes, (SELECT n.hash FROM ledger_node n WHERE n.level = 8 AND n.idx = g.idx)
  FROM (SELECT leaf_index / 256 AS idx, string_agg(leaf_hash, ''::bytea ORDER BY leaf_index) AS hashes, count(*) AS c
          FROM ledger_entry GROUP BY leaf_index / 256) AS g
 WHERE g.c = 256;

INSERT INTO "ledger_tile" (level, idx, hashes, root)
SELECT g.level / 8, g.idx, g.hashes, (SELECT n.hash FROM ledger_node n WHERE n.level = g.level + 8 AND n.idx = g.idx)
  FROM (SELECT level, idx / 256 AS idx, string_agg(hash, ''::bytea ORDER BY idx) AS hashes, count(*) AS c
          FROM ledger_node WHERE level % 8 = 0 GROUP BY level, idx / 256) AS g
 WHERE g.c = 256;

INSERT INTO "ledger_tail" (leaf_index, entry, leaf_hash, item_sha256)
SELECT leaf_index, entry, leaf_hash, item_sha256 FROM ledger_entry
 WHERE leaf_index >= (SELECT coalesce(max(leaf_index) + 1, 0) / 256 * 256 FROM ledger_entry);

DROP TABLE "ledger_entry";
DROP TABLE "ledger_node";

-- The number of leaves: the tail's end, or the bundles' when the tail is empty.
CREATE FUNCTION "ledger_tree_size"() RETURNS bigint LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT greatest((SELECT max(leaf_index) + 1 FROM ledger_tail), (SELECT (max(idx) + 1) * 256 FROM ledger_bundle), 0)
$$;

-- Every leaf anchoring an item (its 32-byte SHA-256): index and leaf hash, through the bundles' GIN
-- index and the tail. `|| ''` reads each candidate's items once rather than one slice per position.
CREATE FUNCTION "ledger_leaves_of"(item bytea) RETURNS TABLE (leaf_index bigint, leaf_hash bytea) LANGUAGE sql STABLE PARALLEL SAFE AS $$
  WITH b AS MATERIALIZED (
    SELECT idx, items || ''::bytea AS items FROM ledger_bundle
     WHERE ledger_item_keys(items) @> ARRAY[('x' || encode(substring(item FROM 1 FOR 8), 'hex'))::bit(64)::bigint]
  )
  SELECT b.idx * 256 + k, substring(t.hashes FROM k * 32 + 1 FOR 32)
    FROM b CROSS JOIN generate_series(0, 255) AS k
    JOIN ledger_tile t ON t.level = 0 AND t.idx = b.idx
   WHERE substring(b.items FROM k * 32 + 1 FOR 32) = item
  UNION ALL
  SELECT t.leaf_index, t.leaf_hash FROM ledger_tail t WHERE t.item_sha256 = item
$$;

-- Tiles and bundles are written once, full, and never change.
CREATE TRIGGER "ledger_tile_append_only" BEFORE UPDATE OR DELETE ON "ledger_tile"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change"();
CREATE TRIGGER "ledger_tile_no_truncate" BEFORE TRUNCATE ON "ledger_tile"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_change"();
CREATE TRIGGER "ledger_bundle_append_only" BEFORE UPDATE OR DELETE ON "ledger_bundle"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change"();
CREATE TRIGGER "ledger_bundle_no_truncate" BEFORE TRUNCATE ON "ledger_bundle"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_change"();

-- A tail row is never changed, and leaves only once its bundle (which now holds its entry) exists.
CREATE FUNCTION "ledger_tail_leave_into_bundle"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND EXISTS (SELECT 1 FROM ledger_bundle WHERE idx = OLD.leaf_index / 256) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'ledger_tail is append-only: % refused (a leaf leaves the tail only into its bundle)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "ledger_tail_append_only" BEFORE UPDATE OR DELETE ON "ledger_tail"
  FOR EACH ROW EXECUTE FUNCTION "ledger_tail_leave_into_bundle"();
CREATE TRIGGER "ledger_tail_no_truncate" BEFORE TRUNCATE ON "ledger_tail"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_change"();

-- The queue's item lookup as a B-tree, whose emptied pages VACUUM recycles: the hash index kept the
-- buckets of its largest backlog for good.
DROP INDEX "ledger_pending_item_sha256_idx";
CREATE INDEX "ledger_pending_item_sha256_idx" ON "ledger_pending" ("item_sha256");
