SET search_path TO home_portal;

-- Suggestions offered when a household adds its first chores.
CREATE TABLE IF NOT EXISTS chore_templates (
    name TEXT PRIMARY KEY,
    every_days INTEGER NOT NULL CHECK (every_days > 0),
    icon TEXT
);

ALTER TABLE chore_templates ENABLE ROW LEVEL SECURITY;

DROP POLICY IF EXISTS "Everyone can read chore templates" ON chore_templates;
CREATE POLICY "Everyone can read chore templates" ON chore_templates
    FOR SELECT USING (true);

GRANT ALL ON chore_templates TO postgres, authenticated, service_role;
GRANT SELECT ON chore_templates TO anon;

INSERT INTO chore_templates (name, every_days, icon) VALUES
    ('Take out the trash', 7, '🗑️'),
    ('Water the plants', 3, '🪴'),
    ('Vacuum the living room', 7, '🧹'),
    ('Change the bed sheets', 14, '🛏️')
ON CONFLICT (name) DO NOTHING;
