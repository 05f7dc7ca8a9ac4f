SET search_path TO home_portal;

CREATE TABLE IF NOT EXISTS households (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    name TEXT NOT NULL,
    created_by UUID REFERENCES auth.users(id) ON DELETE SET NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
);

CREATE TABLE IF NOT EXISTS household_members (
    household_id UUID NOT NULL REFERENCES households(id) ON DELETE CASCADE,
    user_id UUID NOT NULL REFERENCES auth.users(id) ON DELETE CASCADE,
    role TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('owner', 'member')),
    joined_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    PRIMARY KEY (household_id, user_id)
);

CREATE INDEX IF NOT EXISTS idx_household_members_user ON household_members(user_id);

-- Policies on member tables call this instead of querying household_members themselves:
-- SECURITY DEFINER avoids the policy on household_members recursing into itself.
CREATE OR REPLACE FUNCTION is_household_member(p_household UUID)
RETURNS BOOLEAN
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = home_portal, pg_temp
AS $$
    SELECT EXISTS (
        SELECT 1 FROM household_members
        WHERE household_id = p_household AND user_id = auth.uid()
    );
$$;

REVOKE ALL ON FUNCTION is_household_member(UUID) FROM PUBLIC, anon;
GRANT EXECUTE ON FUNCTION is_household_member(UUID) TO authenticated, service_role;

ALTER TABLE households ENABLE ROW LEVEL SECURITY;
ALTER TABLE household_members ENABLE ROW LEVEL SECURITY;

DROP POLICY IF EXISTS "Members can view their households" ON households;
CREATE POLICY "Members can view their households" ON households
    FOR SELECT USING (is_household_member(id));

DROP POLICY IF EXISTS "Users can create households" ON households;
CREATE POLICY "Users can create households" ON households
    FOR INSERT WITH CHECK (auth.uid() = created_by);

DROP POLICY IF EXISTS "Members can view fellow members" ON household_members;
CREATE POLICY "Members can view fellow members" ON household_members
    FOR SELECT USING (is_household_member(household_id));

GRANT ALL ON households, household_members TO postgres, authenticated, service_role;
GRANT SELECT ON households, household_members TO anon;
