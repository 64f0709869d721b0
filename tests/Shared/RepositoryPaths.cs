namespace NvTrap.Testing;

/// <summary>Where the repository is, for tests that read its files or build copies of it.</summary>
internal static class RepositoryPaths
{
    /// <summary>The folder holding NvTrap.sln, found upwards from the test output.</summary>
    public static string Root
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NvTrap.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("NvTrap.sln not found above the test output");
        }
    }
}
