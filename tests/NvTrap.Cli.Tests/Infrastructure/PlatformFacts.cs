using System.Diagnostics;

namespace NvTrap.Cli.Tests.Infrastructure;

/// <summary>
/// Tests that need a facility of the operating system: skipped, with the reason, only where the
/// platform lacks it. Where it is present the test runs and must pass; nothing is skipped because
/// the tool misbehaved.
/// </summary>
internal static class Platform
{
    /// <summary>Why FIFOs cannot be tested here, or null when they can.</summary>
    public static readonly string? NoFifos =
        OperatingSystem.IsWindows() ? "named pipes in the file system (mkfifo) exist only on Unix"
        : !(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()) ? "nvtrap tells a file's kind before opening it only on Linux and macOS"
        : !OnPath("mkfifo") ? "the mkfifo command is not installed"
        : null;

    /// <summary>Why /dev/zero and /dev/null cannot be tested here, or null when they can.</summary>
    public static readonly string? NoDevices =
        !(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()) ? "nvtrap tells a file's kind before opening it only on Linux and macOS"
        : !File.Exists("/dev/zero") || !File.Exists("/dev/null") ? "this system has no /dev/zero or /dev/null"
        : null;

    /// <summary>Why folder symbolic links cannot be tested here, or null when they can.</summary>
    public static readonly string? NoSymlinks = ProbeSymlinks();

    private static bool OnPath(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, command)));

    private static string? ProbeSymlinks()
    {
        using var directory = new TempDirectory();
        string target = Path.Combine(directory.Path, "target");
        Directory.CreateDirectory(target);
        try
        {
            Directory.CreateSymbolicLink(Path.Combine(directory.Path, "link"), target);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            // A capability probe, not a test: Windows without Developer Mode refuses symbolic links.
            return $"this user cannot create symbolic links here ({ex.Message})";
        }
    }

    /// <summary>Makes a FIFO with the mkfifo command, as a user would.</summary>
    public static string MakeFifo(string path)
    {
        var start = new ProcessStartInfo("mkfifo") { RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(path);
        using var process = Process.Start(start)!;
        string error = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(10_000), "mkfifo did not finish");
        Assert.True(process.ExitCode == 0, $"mkfifo {path} failed: {error}");
        return path;
    }
}

/// <summary>A fact that needs FIFOs made by mkfifo.</summary>
public sealed class FifoFactAttribute : FactAttribute
{
    public FifoFactAttribute() => Skip = Platform.NoFifos;
}

/// <summary>A fact that needs the /dev/zero and /dev/null devices.</summary>
public sealed class DeviceFactAttribute : FactAttribute
{
    public DeviceFactAttribute() => Skip = Platform.NoDevices;
}

/// <summary>A fact that needs folder symbolic links.</summary>
public sealed class SymlinkFactAttribute : FactAttribute
{
    public SymlinkFactAttribute() => Skip = Platform.NoSymlinks;
}
