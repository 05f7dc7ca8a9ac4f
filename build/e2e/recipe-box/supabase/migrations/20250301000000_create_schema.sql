SET search_path TO recipe_box;

-- recipe-box keeps everything in its own schema of the shared database.
CREATE SCHEMA IF NOT EXISTS recipe_box;

GRANT USAGE ON SCHEMA recipe_box TO postgres, anon, authenticated, service_role;
GRANT ALL ON SCHEMA recipe_box TO postgres;
