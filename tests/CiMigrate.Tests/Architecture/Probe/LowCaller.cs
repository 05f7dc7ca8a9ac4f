namespace CiMigrate.Tests.Architecture.Probe.Low;

/// <summary>
/// A use against the order that no <c>using</c> line shows: <see cref="LayerTests"/> reads it, with the probe's table
/// (Low below High), from the compiled test assembly.
/// </summary>
static class LowCaller
{
    public static int Count() => new High.HighCallee().Value;
}
