namespace CiMigrate.Tests.Architecture.Probe.High;

/// <summary>What <see cref="Low.LowCaller"/> uses by its qualified name, in a method body only.</summary>
sealed class HighCallee
{
    public int Value { get; } = 1;
}
