SET search_path TO money_tracker;

-- Categories: shared ones (user_id IS NULL) seeded here, plus each user's own.
CREATE TABLE IF NOT EXISTS categories (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id UUID REFERENCES auth.users(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    type TEXT NOT NULL CHECK (type IN ('income', 'expense')),
    icon TEXT,
    color TEXT,
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
);

-- Shared category names are unique; this index is what makes the seed below idempotent.
CREATE UNIQUE INDEX IF NOT EXISTS idx_categories_shared_name
    ON categories(name, type) WHERE user_id IS NULL;
CREATE INDEX IF NOT EXISTS idx_categories_user ON categories(user_id);

ALTER TABLE categories ENABLE ROW LEVEL SECURITY;

DROP POLICY IF EXISTS "Users can view shared and own categories" ON categories;
CREATE POLICY "Users can view shared and own categories" ON categories
    FOR SELECT USING (user_id IS NULL OR auth.uid() = user_id);

DROP POLICY IF EXISTS "Users can manage own categories" ON categories;
CREATE POLICY "Users can manage own categories" ON categories
    FOR ALL USING (auth.uid() = user_id) WITH CHECK (auth.uid() = user_id);

GRANT ALL ON categories TO postgres, authenticated, service_role;
GRANT SELECT ON categories TO anon;

INSERT INTO categories (name, type, icon, color) VALUES
    ('Groceries', 'expense', '🛒', '#10b981'),
    ('Restaurants', 'expense', '🍽️', '#f59e0b'),
    ('Rent', 'expense', '🏠', '#6366f1'),
    ('Utilities', 'expense', '💡', '#0ea5e9'),
    ('Salary', 'income', '💼', '#22c55e')
ON CONFLICT DO NOTHING;
