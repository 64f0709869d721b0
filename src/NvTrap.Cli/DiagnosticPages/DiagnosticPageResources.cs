using System.IO;
using System.Text;

namespace NvTrap.Cli.DiagnosticPages;

/// <summary>
/// The pages of docs/diagnostics, embedded in the tool when it is built (NvTrap.Cli.csproj takes
/// docs/diagnostics/*.md by glob, so a page added there ships with the next build and there is
/// no copy to keep in step). A page is the resource <c>DiagnosticPages/NVT0xx.md</c>.
/// </summary>
internal static class DiagnosticPageResources
{
    public const string Prefix = "DiagnosticPages/";

    /// <summary>The Markdown of a page by its file name (<c>NVT012.md</c>), or null when the tool has no such page.</summary>
    public static string? Read(string fileName)
    {
        using var stream = typeof(DiagnosticPageResources).Assembly.GetManifestResourceStream(Prefix + fileName);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
