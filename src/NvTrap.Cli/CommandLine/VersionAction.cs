using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace NvTrap.Cli.CommandLine;

/// <summary>
/// Prints the tool's own version. The standard action reports the entry assembly, which is the
/// test host rather than the tool when the tool runs in-process.
/// </summary>
internal sealed class VersionAction : SynchronousCommandLineAction
{
    public static string Version =>
        typeof(VersionAction).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(VersionAction).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    public override int Invoke(ParseResult parseResult)
    {
        parseResult.InvocationConfiguration.Output.WriteLine(Version);
        return ExitCodes.Ok;
    }
}
