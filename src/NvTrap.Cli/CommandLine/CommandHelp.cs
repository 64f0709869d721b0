namespace NvTrap.Cli.CommandLine;

/// <summary>
/// What a command's <c>--help</c> adds to the standard sections: notes on formats too long for
/// the one-line description shown in command lists, and examples to paste.
/// </summary>
internal sealed record CommandHelp(string[] Notes, string[] Examples);
