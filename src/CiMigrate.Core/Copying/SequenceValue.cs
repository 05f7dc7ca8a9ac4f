namespace CiMigrate.Copying;

/// <summary>A sequence (an identity's or a serial's too) and where the source left it, for <c>setval</c> on the target.</summary>
public sealed record SequenceValue(string Name, long LastValue, bool IsCalled);
