using NvTrap.Compiler;

namespace NvTrap.Benchmarks.Inputs;

/// <summary>Finds and reads the Linux 6.6 rule files the runtime's generated code was built from.</summary>
internal static class RuleFiles
{
    /// <summary>
    /// The rules copied beside the binaries, or else the repository's rules/linux-6.6 found by
    /// walking up: BenchmarkDotNet runs each benchmark from a generated project in its own output
    /// folder, where the copy may or may not have been made.
    /// </summary>
    public static string LinuxRulesDirectory()
    {
        string copied = Path.Combine(AppContext.BaseDirectory, "LinuxRules");
        if (Directory.Exists(copied))
        {
            return copied;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "rules", "linux-6.6");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"Neither {copied} nor a rules/linux-6.6 folder above {AppContext.BaseDirectory} exists.");
    }

    /// <summary>Every rule file under <paramref name="root"/>, with paths relative to it, in ordinal order.</summary>
    public static IReadOnlyList<RuleSource> Load(string root) =>
        Directory.EnumerateFiles(root, "*" + RuleCompiler.FileSuffix, SearchOption.AllDirectories)
            .Select(path => new RuleSource(Path.GetRelativePath(root, path).Replace('\\', '/'), File.ReadAllText(path)))
            .OrderBy(source => source.Path, StringComparer.Ordinal)
            .ToList();
}
