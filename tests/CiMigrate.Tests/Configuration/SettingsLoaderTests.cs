using CiMigrate.Cli;
using CiMigrate.Configuration;
using CiMigrate.Hosting;
using CiMigrate.Reporting;
using CiMigrate.Secrets;
using CiMigrate.Tests.Support;

namespace CiMigrate.Tests.Configuration;

public class SettingsLoaderTests
{
    const string TwoApps = """
        {
          "apps": {
            "money-tracker": { "schema": "money_tracker", "migrations": "apps/money-tracker/supabase/migrations" },
            "home-portal": { "schema": "home_portal", "migrations": "apps/home-portal/supabase/migrations" }
          },
          "environments": {
            "staging": { "databaseUrlEnv": "STAGING_DATABASE_URL", "lockTimeout": "3s" },
            "production": { "requires": "staging",
                            "kubernetes": { "namespace": "supabase", "pod": "postgres-0", "port": 5432,
                                            "passwordSecret": { "name": "supabase-db", "key": "password" } } }
          },
          "lint": { "rules": { "require-lock-timeout": "warning", "breaking-change": "off" } }
        }
        """;

    TempDirectory _repo = null!;

    [SetUp]
    public void CreateRepository()
    {
        _repo = new TempDirectory();
        _repo.Folder("apps/money-tracker/supabase/migrations");
        _repo.Folder("apps/home-portal/supabase/migrations");
    }

    [TearDown]
    public void RemoveRepository() => _repo.Dispose();

    Settings Load(GlobalOptions? options = null, Dictionary<string, string?>? environment = null) =>
        SettingsLoader.Load((options ?? new GlobalOptions()) with { WorkingDirectory = _repo.Path }, environment ?? []);

    [Test]
    public void The_documented_file_shape_is_read()
    {
        _repo.File("ci-migrate.json", TwoApps);

        var settings = Load();

        // Apps come in name order, whatever the order in the file.
        Assert.That(settings.Apps.Select(a => (a.Name, a.Schema)), Is.EqualTo(new[]
        {
            ("home-portal", "home_portal"), ("money-tracker", "money_tracker"),
        }));
        Assert.That(settings.Apps[1].Migrations, Is.EqualTo(Path.Combine(_repo.Path, "apps/money-tracker/supabase/migrations")));
        Assert.That(settings.Environments["staging"].LockTimeout, Is.EqualTo(TimeSpan.FromSeconds(3)));
        Assert.That(settings.Environments["staging"].StatementTimeout, Is.EqualTo(TimeSpan.FromMinutes(15)));
        Assert.That(settings.Environments["production"].Requires, Is.EqualTo("staging"));
        Assert.That(settings.Environments["production"].Kubernetes!.PasswordSecret.Name, Is.EqualTo("supabase-db"));
        Assert.That(settings.Lint.Rules["require-lock-timeout"], Is.EqualTo(LintSeverity.Warning));
        Assert.That(settings.Lint.Rules["breaking-change"], Is.EqualTo(LintSeverity.Off));
    }

    [Test]
    public void An_app_ignores_the_globs_it_lists_and_one_string_is_a_list_of_one()
    {
        _repo.File("apps/money-tracker/supabase/migrations/20250101000000_a.sql", "SET search_path TO money_tracker;\n");
        _repo.File("apps/home-portal/supabase/migrations/20250101000000_a.sql", "SET search_path TO home_portal;\n");
        _repo.File("ci-migrate.json", """
            {
              "apps": {
                "money-tracker": { "migrations": "apps/money-tracker/supabase/migrations", "ignore": ["seed.sql", "local_*"] },
                "home-portal": { "migrations": "apps/home-portal/supabase/migrations", "ignore": "seed.sql" }
              }
            }
            """);

        var settings = Load();

        Assert.That(settings.Apps.Select(a => (a.Name, string.Join("|", a.Ignore))), Is.EqualTo(new[]
        {
            ("home-portal", "seed.sql"), ("money-tracker", "seed.sql|local_*"),
        }));
    }

    [Test]
    public void Later_sources_win_file_then_environment_then_action_inputs_then_flags()
    {
        _repo.File("ci-migrate.json", TwoApps);
        var environment = new Dictionary<string, string?>
        {
            ["CIMIGRATE__ENVIRONMENTS__STAGING__LOCKTIMEOUT"] = "7s",
            ["CIMIGRATE__ENV"] = "staging",
            ["CIMIGRATE__APP"] = "money-tracker",
            ["INPUT_APP"] = "home-portal",
        };

        var fromEnvironment = Load(environment: environment);
        var fromFlags = Load(new GlobalOptions { App = "money-tracker", Env = "production" }, environment);

        Assert.That(fromEnvironment.Environments["staging"].LockTimeout, Is.EqualTo(TimeSpan.FromSeconds(7)));
        Assert.That(fromEnvironment.Env, Is.EqualTo("staging"));
        Assert.That(fromEnvironment.App, Is.EqualTo("home-portal"));
        Assert.That(fromFlags.App, Is.EqualTo("money-tracker"));
        Assert.That(fromFlags.Env, Is.EqualTo("production"));
    }

    [Test]
    public void Every_problem_is_listed_with_its_key()
    {
        _repo.File("ci-migrate.json", """
            {
              "apps": { "money-tracker": { "schema": "Money Tracker", "migrations": "nowhere" } },
              "enviroments": { "qa": { "databaseUrlEnv": "QA_URL" } },
              "environments": {
                "staging": { "lockTimeout": "soon", "createSchema": "maybe" },
                "production": { "requires": "qa" }
              },
              "lint": { "rules": { "drop-database": "fatal" } }
            }
            """);

        var error = Assert.Throws<UsageException>(() => Load())!;

        Assert.That(error.Message, Does.StartWith("Invalid ci-migrate.json (6 problems):"));
        Assert.That(error.Message, Does.Contain("enviroments: unknown key"));
        Assert.That(error.Message, Does.Contain("apps:money-tracker:migrations: the folder nowhere does not exist"));
        Assert.That(error.Message, Does.Contain("environments:staging:lockTimeout: must be a duration such as 500ms, 5s, 15min or 1h, not 'soon'"));
        Assert.That(error.Message, Does.Contain("environments:staging:createSchema: must be true or false, not 'maybe'"));
        Assert.That(error.Message, Does.Contain("environments:production:requires: there is no environment 'qa'"));
        Assert.That(error.Message, Does.Contain("lint:rules:drop-database: must be error, warning or off, not 'fatal'"));
    }

    [Test]
    public void A_schema_that_is_not_a_plain_name_is_rejected()
    {
        _repo.File("ci-migrate.json", """{ "apps": { "money-tracker": { "schema": "Money Tracker", "migrations": "apps/money-tracker/supabase/migrations" } } }""");

        var error = Assert.Throws<UsageException>(() => Load())!;

        Assert.That(error.Message, Does.Contain("apps:money-tracker:schema: 'Money Tracker' is not a plain schema name"));
    }

    [Test]
    public void Malformed_json_names_the_file()
    {
        _repo.File("ci-migrate.json", "{ \"apps\": { ");

        var error = Assert.Throws<UsageException>(() => Load())!;

        Assert.That(error.Message, Does.StartWith("ci-migrate.json:1:13: invalid JSON:"));
    }

    [Test]
    public void Malformed_json_names_the_line_and_column()
    {
        _repo.File("ci-migrate.json", "{\n  \"apps\": {\n    \"money-tracker\": { \"schema\" \"money_tracker\" }\n  }\n}\n");

        var error = Assert.Throws<UsageException>(() => Load())!;

        Assert.That(error.Message, Does.StartWith("ci-migrate.json:3:33: invalid JSON: "));
        Assert.That(error.Message, Does.Not.Contain("LineNumber"));
    }

    [Test]
    public void An_app_written_twice_is_an_error_naming_both_lines()
    {
        _repo.File("ci-migrate.json", """
            {
              "apps": {
                "money-tracker": { "schema": "money_tracker", "migrations": "apps/money-tracker/supabase/migrations" },
                "home-portal": { "schema": "home_portal", "migrations": "apps/home-portal/supabase/migrations" },
                "money-tracker": { "migrations": "apps/home-portal/supabase/migrations" }
              }
            }
            """);

        var error = Assert.Throws<UsageException>(() => Load())!;

        Assert.That(error.Message, Does.StartWith("ci-migrate.json:5: the key \"money-tracker\" appears twice in apps (lines 3 and 5)"));
    }

    [Test]
    public void Comments_and_trailing_commas_stay_allowed()
    {
        _repo.File("ci-migrate.json", """
            {
              // the one app
              "apps": { "money-tracker": { "schema": "money_tracker", "migrations": "apps/money-tracker/supabase/migrations", }, },
            }
            """);

        Assert.That(Load().Apps.Single().Schema, Is.EqualTo("money_tracker"));
    }

    [TestCase("production", "production → staging → production")]
    [TestCase("staging", "staging → production → staging")]
    public void Environments_that_require_each_other_are_an_error_naming_the_circle(string env, string circle)
    {
        _repo.File("ci-migrate.json", """
            {
              "apps": { "money-tracker": { "schema": "money_tracker", "migrations": "apps/money-tracker/supabase/migrations" } },
              "environments": {
                "staging": { "databaseUrlEnv": "STAGING_URL", "requires": "production" },
                "production": { "databaseUrlEnv": "PRODUCTION_URL", "requires": "staging" }
              }
            }
            """);

        var error = Assert.Throws<UsageException>(() => Load())!;

        Assert.That(error.Message, Does.Contain($"environments:{env}:requires: the environments require each other in a circle ({circle})"));
    }

    [Test]
    public void A_migrations_folder_outside_the_repository_is_an_error()
    {
        using var outside = new TempDirectory();
        outside.Folder("other");
        _repo.File("ci-migrate.json",
            $$"""{ "apps": { "money-tracker": { "schema": "money_tracker", "migrations": "{{Path.GetRelativePath(_repo.Path, Path.Combine(outside.Path, "other")).Replace('\\', '/')}}" } } }""");

        var error = Assert.Throws<UsageException>(() => Load())!;

        Assert.That(error.Message, Does.Contain("apps:money-tracker:migrations: the folder ../"));
        Assert.That(error.Message, Does.Contain("is outside the repository"));
    }

    [Test]
    public void An_explicit_config_that_does_not_exist_is_an_error()
    {
        var error = Assert.Throws<UsageException>(() => Load(new GlobalOptions { Config = "missing.json" }))!;

        Assert.That(error.Message, Is.EqualTo("The settings file missing.json does not exist."));
    }

    [Test]
    public void Flags_alone_define_one_app_named_after_its_schema()
    {
        var settings = Load(new GlobalOptions { Migrations = "apps/home-portal/supabase/migrations", Schema = "home_portal" });

        Assert.That(settings.Apps, Has.Count.EqualTo(1));
        Assert.That(settings.Apps[0].Name, Is.EqualTo("home_portal"));
        Assert.That(settings.Apps[0].Schema, Is.EqualTo("home_portal"));
        Assert.That(settings.ConfigPath, Is.Null);
    }

    [Test]
    public void Zero_config_names_the_app_after_its_schema()
    {
        _repo.Folder("supabase/migrations");

        var settings = Load(new GlobalOptions { Schema = "my_app" });

        Assert.That(settings.Apps.Single().Name, Is.EqualTo("my_app"));
        Assert.That(settings.Apps.Single().Schema, Is.EqualTo("my_app"));
    }

    [Test]
    public void Zero_config_apps_in_folders_of_the_same_name_are_told_apart_by_their_schema()
    {
        _repo.File("one/db/migrations/20250101000000_a.sql", "SET search_path TO za;\nCREATE TABLE a (id int);\n");
        _repo.File("two/db/migrations/20250101000000_b.sql", "SET search_path TO zb;\nCREATE TABLE b (id int);\n");

        var one = Load(new GlobalOptions { Migrations = "one/db/migrations" });
        var two = Load(new GlobalOptions { Migrations = "two/db/migrations" });

        Assert.That((one.Apps.Single().Name, two.Apps.Single().Name), Is.EqualTo(("za", "zb")));
    }

    [Test]
    public void Two_apps_on_one_schema_or_one_folder_are_a_configuration_error()
    {
        _repo.Folder("a/migrations");
        _repo.Folder("b/migrations");
        _repo.File("ci-migrate.json", """
            { "apps": {
                "a": { "schema": "shared", "migrations": "a/migrations" },
                "b": { "schema": "shared", "migrations": "b/migrations" },
                "c": { "schema": "own_c", "migrations": "a/migrations" } } }
            """);

        var error = Assert.Throws<UsageException>(() => Load())!;

        Assert.That(error.Message, Does.Contain("apps: 'a' and 'b' share the schema shared; each app needs its own schema"));
        Assert.That(error.Message, Does.Contain("apps: 'a' and 'c' share the migrations folder "));
    }

    [Test]
    public void Connection_strings_never_appear_in_errors()
    {
        _repo.File("ci-migrate.json", TwoApps);
        var secrets = new SecretMasker();
        var workspace = new Workspace(Load(), new Dictionary<string, string?>(), secrets);

        var connection = DatabaseUrl.ToConnectionString("postgresql://postgres:s3cr%40t-pw@db.example.com:6543/postgres?sslmode=require", secrets);

        Assert.That(connection, Does.Contain("Password=s3cr@t-pw"));
        Assert.That(secrets.Apply($"failed: {connection}"), Does.Not.Contain("s3cr@t-pw"));
        Assert.That(DatabaseUrl.Describe(connection), Is.EqualTo("postgres@db.example.com:6543/postgres"));
        var missing = Assert.Throws<UsageException>(() => workspace.ConnectionString(workspace.Environment("staging")))!;
        Assert.That(missing.Message, Is.EqualTo("Environment 'staging' reads its database URL from $STAGING_DATABASE_URL, which is not set."));
    }

    [Test]
    public void Database_url_is_the_way_in_to_the_run_s_own_environment_and_never_to_another()
    {
        _repo.File("ci-migrate.json", TwoApps);
        var variables = new Dictionary<string, string?> { ["STAGING_DATABASE_URL"] = "postgresql://stage@staging.example.com/postgres" };
        var options = new GlobalOptions { Env = "production", DatabaseUrl = "postgresql://run@run.example.com/postgres" };
        var workspace = new Workspace(Load(options, variables), variables, new SecretMasker());

        var run = workspace.Environment();
        var required = workspace.Named(run.Requires!);

        Assert.That(run.Name, Is.EqualTo("production"));
        Assert.That(run.Kubernetes, Is.Null);
        Assert.That(DatabaseUrl.Describe(workspace.ConnectionString(run)), Is.EqualTo("run@run.example.com:5432/postgres"));
        Assert.That(DatabaseUrl.Describe(workspace.ConnectionString(required)), Is.EqualTo("stage@staging.example.com:5432/postgres"));
        Assert.That(workspace.Named("production").Kubernetes, Is.Not.Null);
    }

    [Test]
    public void A_bad_connection_string_is_rejected_without_echoing_it()
    {
        var error = Assert.Throws<UsageException>(() => DatabaseUrl.ToConnectionString("Host=x;Passw0rd=hunter22;Bogus", new SecretMasker()))!;

        Assert.That(error.Message, Does.Not.Contain("hunter22"));
    }

    [TestCase("host=db.example.com port=6543 user=postgres password='s3cr3t pw' dbname=app sslmode=require",
        "Host=db.example.com;Port=6543;Username=postgres;Password='s3cr3t pw';Database=app;SSL Mode=Require")]
    [TestCase("host=db.example.com password=it\\'s-s3cr3t", "Host=db.example.com;Port=5432;Password=\"it's-s3cr3t\";Database=postgres")]
    [TestCase("postgresql://postgres@db.example.com/app?password=s3cr3t%20pw&pgbouncer=true",
        "Host=db.example.com;Port=5432;Database=app;Username=postgres;Password='s3cr3t pw'")]
    public void Libpq_key_value_and_query_string_passwords_are_parsed(string value, string expected)
    {
        var secrets = new SecretMasker();

        var connection = new Npgsql.NpgsqlConnectionStringBuilder(DatabaseUrl.ToConnectionString(value, secrets)) { ApplicationName = null };

        Assert.That(connection.EquivalentTo(new Npgsql.NpgsqlConnectionStringBuilder(expected)), Is.True, connection.ConnectionString);
        Assert.That(secrets.Apply(connection.Password!), Is.EqualTo(SecretMasker.Mask));
    }

    [TestCase("host=db.example.com port=x5 password='s3cr3t pw'")]
    [TestCase("host=db.example.com password='s3cr3t pw")]
    [TestCase("host=db.example.com passwd='s3cr3t pw'")]
    public void A_bad_libpq_connection_string_is_refused_without_echoing_a_value(string value)
    {
        var error = Assert.Throws<UsageException>(() => DatabaseUrl.ToConnectionString(value, new SecretMasker()))!;

        Assert.That(error.Message, Does.Not.Contain("s3cr3t"));
        Assert.That(error.Message, Does.Not.Contain("x5"));
    }

    [TestCase("500ms", 500)]
    [TestCase("5s", 5000)]
    [TestCase("15min", 900_000)]
    [TestCase("2m", 120_000)]
    [TestCase("1h", 3_600_000)]
    [TestCase("250", 250)]
    [TestCase("1m30s", 90_000)]
    public void Durations_parse_as_postgres_writes_them(string text, int milliseconds)
    {
        Assert.That(Durations.TryParse(text, out var duration), Is.True);
        Assert.That(duration.TotalMilliseconds, Is.EqualTo(milliseconds));
    }
}
