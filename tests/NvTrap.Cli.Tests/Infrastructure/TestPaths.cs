namespace NvTrap.Cli.Tests.Infrastructure;

/// <summary>Files the test project copies beside itself.</summary>
public static class TestPaths
{
    /// <summary>The Linux 6.6 rule files, as in rules/linux-6.6 of the repository.</summary>
    public static string LinuxRules => LinuxRulesOf("linux-6.6");

    /// <summary>The Linux 7.1 rule files, as in rules/linux-7.1 of the repository.</summary>
    public static string Linux71Rules => LinuxRulesOf("linux-7.1");

    /// <summary>A built-in ruleset's rule files, by ruleset name.</summary>
    public static string LinuxRulesOf(string ruleset) => Path.Combine(AppContext.BaseDirectory, "LinuxRules", ruleset);

    /// <summary>The runtime tests' sample ruleset, tests/NvTrap.Runtime.Tests/TestRules (the file TestTraps is generated from).</summary>
    public static string TestRules => Path.Combine(AppContext.BaseDirectory, "TestRules");

    /// <summary>samples/eval/accesses.tsv.</summary>
    public static string SampleAccesses => Path.Combine(AppContext.BaseDirectory, "Samples", "accesses.tsv");

    /// <summary>samples/eval/accesses.expected.tsv: what eval prints for the sample.</summary>
    public static string SampleExpected => Path.Combine(AppContext.BaseDirectory, "Samples", "accesses.expected.tsv");
}
