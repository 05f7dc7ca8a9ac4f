"""Writes N realistic migration files (runbook style, ~3 KB each) into a migrations folder, with down files."""
import os
import sys

folder, count = sys.argv[1], int(sys.argv[2])
os.makedirs(os.path.join(folder, "down"), exist_ok=True)
for i in range(count):
    version = f"2025{(i // 86400) % 12 + 1:02d}{(i // 3600) % 28 + 1:02d}{(i // 60) % 24:02d}{i % 60:02d}00"
    table = f"items_{i}"
    up = f"""-- add {table}
--
-- What: a table for feature {i}, its indexes, row level security, policies and seed rows.
-- Why:  benchmark input shaped like the runbook's migrations.
SET search_path TO bench;

CREATE TABLE IF NOT EXISTS {table} (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id UUID REFERENCES auth.users(id) ON DELETE CASCADE,
    category_id UUID REFERENCES categories(id),
    amount NUMERIC(12, 2) NOT NULL,
    note TEXT,
    period TEXT NOT NULL CHECK (period IN ('monthly', 'weekly', 'yearly')),
    created_at TIMESTAMPTZ DEFAULT NOW()
);

CREATE INDEX IF NOT EXISTS idx_{table}_user ON {table}(user_id);
CREATE INDEX IF NOT EXISTS idx_{table}_category ON {table}(category_id);

ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;

DROP POLICY IF EXISTS "Users can view own {table}" ON {table};
CREATE POLICY "Users can view own {table}" ON {table}
    FOR SELECT USING (auth.uid() = user_id);
DROP POLICY IF EXISTS "Users can change own {table}" ON {table};
CREATE POLICY "Users can change own {table}" ON {table}
    FOR UPDATE USING (auth.uid() = user_id) WITH CHECK (auth.uid() = user_id);

CREATE OR REPLACE FUNCTION {table}_total(p_user UUID) RETURNS NUMERIC
    LANGUAGE plpgsql STABLE SET search_path = ''
AS $$
DECLARE
    total NUMERIC;
BEGIN
    SELECT coalesce(sum(amount), 0) INTO total FROM bench.{table} WHERE user_id = p_user; -- semicolons; in 'strings;'
    RETURN total;
END;
$$;

INSERT INTO {table} (id, amount, period, note) VALUES
    ('00000000-0000-0000-0000-{i:012d}', 10.00, 'monthly', 'seed; with a semicolon'),
    ('00000000-0000-0001-0000-{i:012d}', 20.00, 'weekly', E'escaped \\' quote')
ON CONFLICT (id) DO NOTHING;

GRANT ALL ON {table} TO postgres, authenticated, service_role;
GRANT SELECT ON {table} TO anon;
"""
    down = f"SET search_path TO bench;\nDROP TABLE IF EXISTS {table} CASCADE;\n"
    with open(os.path.join(folder, f"{version}_add_{table}.sql"), "w") as f:
        f.write(up)
    with open(os.path.join(folder, "down", f"{version}_add_{table}.sql"), "w") as f:
        f.write(down)
