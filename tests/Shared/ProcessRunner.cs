using System.Diagnostics;
using System.Text;

namespace NvTrap.Testing;

/// <summary>
/// Runs a process (usually <c>dotnet</c>) for tests that prove build, pack and tool behaviour end to
/// end, capturing everything it prints. Shared by the test projects as a linked source file.
/// </summary>
internal static class ProcessRunner
{
    public static (int ExitCode, string Output) Run(string fileName, string workingDirectory, TimeSpan timeout, params string[] arguments) =>
        Run(fileName, workingDirectory, timeout, new Dictionary<string, string>(), arguments);

    /// <summary>As <see cref="Run(string, string, TimeSpan, string[])"/>, with variables set in the process's environment (a package cache of its own, say).</summary>
    public static (int ExitCode, string Output) Run(string fileName, string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Keep child builds self-contained: no lingering build servers, no first-run banners.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit((int)timeout.TotalMilliseconds))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish in {timeout}:\n{output}");
        }

        process.WaitForExit();
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }
}
