namespace NvTrap.Generator.Tests.Infrastructure;

/// <summary>
/// Approved-file snapshots. The approved text lives in Snapshots/ as <c>Name.approved.ext</c>;
/// a mismatch writes <c>Name.received.ext</c> and fails with the first differing line. Set
/// NVTRAP_ACCEPT_SNAPSHOTS=1 to accept the received text. Under CI=true a missing approved file
/// fails instead of being created.
/// </summary>
internal static class Snapshot
{
    public static void Match(string name, string actual, string extension = ".cs")
    {
        // Found from the repository root, not from [CallerFilePath]: CI builds map source paths
        // to "/_/" for deterministic output, so the caller's path does not exist on disk there.
        string directory = Path.Combine(NvTrap.Testing.RepositoryPaths.Root, "tests", "NvTrap.Generator.Tests", "Snapshots");
        string approvedPath = Path.GetFullPath(Path.Combine(directory, name + ".approved" + extension));
        string receivedPath = Path.GetFullPath(Path.Combine(directory, name + ".received" + extension));
        actual = actual.Replace("\r\n", "\n");
        bool accept = Environment.GetEnvironmentVariable("NVTRAP_ACCEPT_SNAPSHOTS") == "1";
        bool ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

        if (!File.Exists(approvedPath))
        {
            if (ci && !accept)
            {
                Assert.Fail($"Snapshot {approvedPath} is missing; run the tests locally and commit the approved file.");
            }

            Directory.CreateDirectory(directory);
            File.WriteAllText(approvedPath, actual);
            return;
        }

        string approved = File.ReadAllText(approvedPath).Replace("\r\n", "\n");
        if (approved == actual)
        {
            if (File.Exists(receivedPath))
            {
                File.Delete(receivedPath);
            }

            return;
        }

        if (accept)
        {
            File.WriteAllText(approvedPath, actual);
            return;
        }

        File.WriteAllText(receivedPath, actual);
        var expectedLines = approved.Split('\n');
        var actualLines = actual.Split('\n');
        int line = 0;
        while (line < expectedLines.Length && line < actualLines.Length && expectedLines[line] == actualLines[line])
        {
            line++;
        }

        Assert.Fail($"Snapshot {name} differs at line {line + 1}:\n- {Line(expectedLines, line)}\n+ {Line(actualLines, line)}\nReceived text written to {receivedPath}; set NVTRAP_ACCEPT_SNAPSHOTS=1 to accept it.");
    }

    private static string Line(string[] lines, int index) => index < lines.Length ? lines[index] : "<end of file>";
}
