-- "This unit and everything under it" is a prefix match on the unit's path including itself. Written as
-- ancestor_path || id || '/', the match could use no index; stored and indexed, it is one index range.
ALTER TABLE unit ADD COLUMN subtree_path varchar(420) GENERATED ALWAYS AS (ancestor_path || id::text || '/') STORED;

CREATE INDEX unit_subtree_path_idx ON unit (subtree_path text_pattern_ops);
