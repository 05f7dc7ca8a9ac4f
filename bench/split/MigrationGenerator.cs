using System.Text;

namespace CiMigrate.Bench.Split;

/// <summary>Writes Supabase-style migrations of about 5 KB: the statements real app migrations are made of.</summary>
static class MigrationGenerator
{
    public static string Generate(int n)
    {
        var schema = $"app_{n % 7}";
        var table = $"items_{n}";
        var sql = new StringBuilder(6000);
        sql.Append($"-- Migration {n}: {table} with RLS, policies and a trigger\n");
        sql.Append($"SET search_path TO {schema};\n\n");
        sql.Append($"CREATE SCHEMA IF NOT EXISTS {schema};\n\n");
        sql.Append($"""
            CREATE TABLE IF NOT EXISTS {schema}.{table} (
                id uuid PRIMARY KEY DEFAULT extensions.uuid_generate_v4(),
                user_id uuid NOT NULL REFERENCES auth.users (id) ON DELETE CASCADE,
                name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
                "Amount" numeric(12, 2) NOT NULL DEFAULT 0,
                note text DEFAULT 'none; really',
                created_at timestamptz NOT NULL DEFAULT now(),
                updated_at timestamptz NOT NULL DEFAULT now()
            );


            """);
        sql.Append($"CREATE INDEX IF NOT EXISTS {table}_user_idx ON {schema}.{table} (user_id);\n");
        sql.Append($"CREATE UNIQUE INDEX IF NOT EXISTS {table}_name_idx ON {schema}.{table} (user_id, lower(name));\n\n");
        sql.Append($"ALTER TABLE {schema}.{table} ENABLE ROW LEVEL SECURITY;\n\n");
        foreach (var (verb, clause) in new[] { ("SELECT", "USING"), ("INSERT", "WITH CHECK"), ("UPDATE", "USING"), ("DELETE", "USING") })
        {
            sql.Append($"DROP POLICY IF EXISTS \"Users {verb.ToLowerInvariant()} own {table}\" ON {schema}.{table};\n");
            sql.Append($"CREATE POLICY \"Users {verb.ToLowerInvariant()} own {table}\" ON {schema}.{table}\n");
            sql.Append($"    FOR {verb} TO authenticated {clause} ((SELECT auth.uid()) = user_id);\n\n");
        }

        sql.Append($"GRANT SELECT, INSERT, UPDATE, DELETE ON {schema}.{table} TO authenticated;\n");
        sql.Append($"GRANT ALL ON {schema}.{table} TO service_role;\n\n");
        sql.Append($"""
            CREATE OR REPLACE FUNCTION {schema}.touch_{table}() RETURNS trigger
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = ''
            AS $$
            BEGIN
                -- keep updated_at honest; semicolons in here do not end the statement
                NEW.updated_at := now();
                IF NEW.note IS NULL THEN
                    NEW.note := 'set by trigger; ok';
                END IF;
                RETURN NEW;
            END;
            $$;

            DROP TRIGGER IF EXISTS touch_{table} ON {schema}.{table};
            CREATE TRIGGER touch_{table} BEFORE UPDATE ON {schema}.{table}
                FOR EACH ROW EXECUTE FUNCTION {schema}.touch_{table}();

            ALTER TABLE {schema}.{table} ADD COLUMN IF NOT EXISTS archived boolean NOT NULL DEFAULT false;
            COMMENT ON TABLE {schema}.{table} IS 'Items of migration {n}; owned by the app';


            """);
        sql.Append($"INSERT INTO {schema}.{table} (user_id, name, \"Amount\", note) VALUES\n");
        for (var row = 0; row < 30; row++)
        {
            sql.Append($"    ('00000000-0000-0000-0000-{row:D12}', 'Item {row} of {n}', {row * 3}.50, E'it\\'s row {row}')");
            sql.Append(row < 29 ? ",\n" : "\nON CONFLICT DO NOTHING;\n\n");
        }

        sql.Append("NOTIFY pgrst, 'reload schema';\n");
        return sql.ToString();
    }
}
