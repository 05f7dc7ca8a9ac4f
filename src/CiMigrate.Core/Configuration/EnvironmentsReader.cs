using Microsoft.Extensions.Configuration;

namespace CiMigrate.Configuration;

/// <summary>The <c>environments</c> section of the settings: one <see cref="EnvironmentSettings"/> per key.</summary>
static class EnvironmentsReader
{
    static readonly string[] Keys =
    [
        "databaseUrl", "databaseUrlEnv", "requires", "kubernetes", "lockTimeout", "statementTimeout", "lockRetries",
        "lockWait", "createSchema", "notifyPostgrest", "autoGrant", "backup", "requireApproval", "shadow", "mirrorSupabaseHistory",
        "contractAfter",
    ];

    public static Dictionary<string, EnvironmentSettings> Read(IConfigurationSection section, List<string> problems)
    {
        var environments = new Dictionary<string, EnvironmentSettings>(StringComparer.OrdinalIgnoreCase);
        foreach (var envSection in section.GetChildren())
        {
            var reader = new SettingsReader(envSection, problems);
            reader.OnlyKnownKeys(Keys);
            var defaults = new EnvironmentSettings { Name = envSection.Key };
            environments[envSection.Key] = defaults with
            {
                DatabaseUrl = reader.String("databaseUrl"),
                DatabaseUrlEnv = reader.String("databaseUrlEnv"),
                Requires = reader.String("requires"),
                LockTimeout = reader.Duration("lockTimeout", defaults.LockTimeout),
                StatementTimeout = reader.Duration("statementTimeout", defaults.StatementTimeout),
                LockRetries = reader.Int("lockRetries", defaults.LockRetries, 0, 100),
                LockWait = reader.Duration("lockWait", defaults.LockWait),
                CreateSchema = reader.Bool("createSchema", defaults.CreateSchema),
                NotifyPostgrest = reader.Bool("notifyPostgrest", defaults.NotifyPostgrest),
                AutoGrant = reader.Bool("autoGrant", defaults.AutoGrant),
                Backup = reader.Bool("backup", defaults.Backup),
                RequireApproval = reader.Bool("requireApproval"),
                Shadow = ReadShadow(reader),
                MirrorSupabaseHistory = reader.Bool("mirrorSupabaseHistory"),
                ContractAfter = reader.Duration("contractAfter", defaults.ContractAfter),
                ContractAfterSet = reader.String("contractAfter") is not null,
                Kubernetes = KubernetesSettings.From(envSection.GetSection("kubernetes"), problems),
            };
        }

        return environments;
    }

    static ShadowKind ReadShadow(SettingsReader reader)
    {
        switch (reader.String("shadow")?.ToLowerInvariant())
        {
            case null or "throwaway":
                return ShadowKind.Throwaway;
            case "scratch":
                return ShadowKind.Scratch;
            case var other:
                reader.Problem("shadow", $"must be \"throwaway\" or \"scratch\", not '{other}'");
                return ShadowKind.Throwaway;
        }
    }
}
