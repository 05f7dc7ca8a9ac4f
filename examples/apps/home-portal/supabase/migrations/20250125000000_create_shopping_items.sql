SET search_path TO home_portal;

CREATE TABLE IF NOT EXISTS shopping_items (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    household_id UUID NOT NULL REFERENCES households(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    quantity INTEGER NOT NULL DEFAULT 1 CHECK (quantity > 0),
    added_by UUID REFERENCES auth.users(id) ON DELETE SET NULL,
    bought BOOLEAN NOT NULL DEFAULT false,
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
);

CREATE INDEX IF NOT EXISTS idx_shopping_items_household_open
    ON shopping_items(household_id) WHERE NOT bought;

ALTER TABLE shopping_items ENABLE ROW LEVEL SECURITY;

DROP POLICY IF EXISTS "Members can manage the shopping list" ON shopping_items;
CREATE POLICY "Members can manage the shopping list" ON shopping_items
    FOR ALL USING (is_household_member(household_id)) WITH CHECK (is_household_member(household_id));

GRANT ALL ON shopping_items TO postgres, authenticated, service_role;
GRANT SELECT ON shopping_items TO anon;

-- The list updates live on every phone in the household.
DO $$
BEGIN
    IF NOT EXISTS (
        SELECT 1 FROM pg_publication_tables
        WHERE pubname = 'supabase_realtime' AND schemaname = 'home_portal' AND tablename = 'shopping_items'
    ) THEN
        ALTER PUBLICATION supabase_realtime ADD TABLE home_portal.shopping_items;
    END IF;
END $$;
