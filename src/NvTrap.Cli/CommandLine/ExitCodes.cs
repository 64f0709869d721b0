namespace NvTrap.Cli.CommandLine;

/// <summary>The tool's exit codes; scripts depend on them.</summary>
internal static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>A rule error, or input that could not be (fully) processed.</summary>
    public const int Failure = 1;

    /// <summary>The command line was wrong, or <c>decode</c> was given an ESR that is not EC 0x18.</summary>
    public const int Usage = 2;
}
