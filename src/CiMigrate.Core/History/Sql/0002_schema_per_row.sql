-- Each row keeps the schema its app migrated when it was applied: settings that later point the app at another
-- schema stop the run instead of mixing two schemas' histories. Rows written before version 2 have none.

ALTER TABLE ci_migrate.applied_migrations ADD COLUMN schema text;
