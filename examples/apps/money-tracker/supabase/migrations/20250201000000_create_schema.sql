SET search_path TO money_tracker;

-- money-tracker keeps everything in its own schema of the shared database.
CREATE SCHEMA IF NOT EXISTS money_tracker;

GRANT USAGE ON SCHEMA money_tracker TO postgres, anon, authenticated, service_role;
GRANT ALL ON SCHEMA money_tracker TO postgres;
