namespace NvTrap.Packaging.Tests;

/// <summary>
/// A new empty folder in the system's temporary folder, outside any checkout: no
/// Directory.Build.props, NuGet.config or global.json of the repository applies there, as for a
/// user's own project. Deleted on dispose.
/// </summary>
public sealed class OutsideFolder : IDisposable
{
    public OutsideFolder(string prefix)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
