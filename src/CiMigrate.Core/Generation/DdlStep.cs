namespace CiMigrate.Generation;

/// <summary>
/// One change as SQL: what the up file runs and what its down file runs to undo it. Either may be empty (a column
/// of a new table is created with the table; the down file's DROP TABLE takes it away).
/// </summary>
public sealed record DdlStep(GeneratedPart Part, DdlPhase Phase, string Up, string Down)
{
    public static DdlStep InMain(DdlPhase phase, string up, string down) => new(GeneratedPart.Main, phase, up, down);
}
