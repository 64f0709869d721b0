using System.Text.RegularExpressions;
using NvTrap.Cli.Tests.Infrastructure;
using NvTrap.Testing;

namespace NvTrap.Cli.Tests.Docs;

/// <summary>The README's first command prints exactly what the README shows under it.</summary>
public partial class ReadmeTests
{
    [Fact]
    public void The_first_command_prints_what_the_readme_shows()
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md")).Replace("\r\n", "\n");
        var command = FirstCommand().Match(readme);
        Assert.True(command.Success, "README.md has no '[dotnet build src/NvTrap.Cli && ]dotnet run --project src/NvTrap.Cli [--no-build] -- ...' command");
        if (command.Groups["nobuild"].Success && !command.Groups["build"].Success)
        {
            // --no-build fails on a fresh clone unless the tool was built by an earlier command.
            var build = BuildCommand().Match(readme);
            Assert.True(build.Success && build.Index < command.Index, "README.md runs the tool with --no-build before any 'dotnet build src/NvTrap.Cli'");
        }

        var output = OutputBlock().Match(readme, command.Index);
        Assert.True(output.Success, "README.md shows no ```text block after its first command");

        var args = command.Groups["args"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var result = Tool.Run(args);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(output.Groups["text"].Value.TrimEnd('\n').Split('\n'), result.OutputLines);
    }

    [GeneratedRegex(@"^(?<build>dotnet build src/NvTrap\.Cli && )?dotnet run --project src/NvTrap\.Cli(?<nobuild> --no-build)? -- (?<args>[^#\n]+?)\s*$", RegexOptions.Multiline)]
    private static partial Regex FirstCommand();

    [GeneratedRegex(@"^dotnet build src/NvTrap\.Cli\s*$", RegexOptions.Multiline)]
    private static partial Regex BuildCommand();

    [GeneratedRegex(@"```text\n(?<text>.*?)```", RegexOptions.Singleline)]
    private static partial Regex OutputBlock();
}
