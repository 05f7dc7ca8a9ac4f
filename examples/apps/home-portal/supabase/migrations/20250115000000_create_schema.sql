SET search_path TO home_portal;

-- home-portal: the family dashboard (chores, shopping list, documents) in its own schema.
CREATE SCHEMA IF NOT EXISTS home_portal;

GRANT USAGE ON SCHEMA home_portal TO postgres, anon, authenticated, service_role;
GRANT ALL ON SCHEMA home_portal TO postgres;
