using System.Linq;
using System.Reflection;

namespace NvTrap.Compiler.Diagnostics;

/// <summary>
/// Where each diagnostic's page lives: <c>docs/diagnostics/NVT0xx.md</c> under the repository URL
/// the packages declare (Directory.Build.props sets it once; the build stamps it on this assembly).
/// </summary>
internal static class HelpLinks
{
    public static string RepositoryUrl { get; } =
        typeof(HelpLinks).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "NvTrapRepositoryUrl")?.Value?.TrimEnd('/') ?? string.Empty;

    /// <summary>The page of a diagnostic id, in the repository's main branch.</summary>
    public static string For(string id) => $"{RepositoryUrl}/blob/main/docs/diagnostics/{id}.md";
}
