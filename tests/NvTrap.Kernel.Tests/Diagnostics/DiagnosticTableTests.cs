using System.Reflection;
using System.Text.RegularExpressions;
using NvTrap.Kernel.Diagnostics;
using NvTrap.Testing;

namespace NvTrap.Kernel.Tests.Diagnostics;

/// <summary>docs/import.md's table of NVTK ids lists exactly the ids the import reports, each once.</summary>
public class DiagnosticTableTests
{
    [Fact]
    public void The_documented_ids_are_the_ids_of_the_import()
    {
        string page = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "import.md"));
        var documented = Regex.Matches(page, @"^\| (NVTK\d{3}) \|", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        var declared = typeof(KernelDiagnosticId).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => ((KernelDiagnosticId)f.GetValue(null)!).Code)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(declared, documented);
    }
}
