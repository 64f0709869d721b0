using System.Collections.Generic;

namespace NvTrap.Cli.CommandLine;

/// <summary>
/// The tool's exit codes; scripts depend on them. This is the one place they are defined and
/// described: every command's <c>--help</c> prints <see cref="Meanings"/>, and README.md's table
/// is checked against it by a test.
/// </summary>
internal static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>A rule error, or input that could not be (fully) processed.</summary>
    public const int Failure = 1;

    /// <summary>
    /// The command line was wrong, or <c>decode</c> or <c>explain</c> was given an ESR that is not
    /// EC 0x18 (not a trapped MSR, MRS or System instruction, so there is no access to decode or decide).
    /// </summary>
    public const int Usage = 2;

    /// <summary>What each code means, in the words <c>--help</c> and README.md use.</summary>
    public static IReadOnlyList<(int Code, string Meaning)> Meanings { get; } =
    [
        (Ok, "success"),
        (Failure, "rule errors, or input that was refused, could not be read or was malformed"),
        (Usage, "a command-line error, or an ESR given to decode or explain whose EC is not 0x18"),
    ];
}
