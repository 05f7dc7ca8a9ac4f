-- A session with session_replication_role = replica (as logical replication and pg_restore --disable-triggers set it)
-- skips ordinary triggers, and with them the append-only guard: make it fire always. The table's owner or a superuser
-- can still disable or drop the trigger, or drop the schema; each of those takes a deliberate DDL statement.

ALTER TABLE ci_migrate.events ENABLE ALWAYS TRIGGER events_are_append_only;
