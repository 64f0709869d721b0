using System.Text;

namespace NvTrap.Kernel.Tests.Infrastructure;

/// <summary>A kernel-style tree of small fixture files in a temporary folder, deleted afterwards.</summary>
public sealed class TempTree : IDisposable
{
    public TempTree()
    {
        Root = Path.Combine(Path.GetTempPath(), "nvtrap-kernel-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public TempTree With(string relative, string text)
    {
        string path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.Replace("\r\n", "\n"), new UTF8Encoding(false));
        return this;
    }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>
    /// The import's file reader for fixture trees: a plain read of a small file the test wrote. The
    /// tool's own reader (regular files only, bytes counted) is tested through the CLI.
    /// </summary>
    public static string? ReadFile(string path, long maxBytes, out string? problem)
    {
        if (new FileInfo(path).Length > maxBytes)
        {
            problem = $"it is larger than {maxBytes} bytes";
            return null;
        }

        problem = null;
        return File.ReadAllText(path);
    }

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
