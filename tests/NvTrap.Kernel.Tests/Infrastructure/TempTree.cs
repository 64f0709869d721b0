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

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
