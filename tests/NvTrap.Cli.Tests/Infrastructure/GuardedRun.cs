namespace NvTrap.Cli.Tests.Infrastructure;

/// <summary>
/// Runs the tool with a deadline, for inputs that could make it block or read forever: a test
/// that would otherwise hang fails, saying so. A run blocked opening a FIFO is released by
/// opening the FIFO for writing, so the test run itself does not stay stuck.
/// </summary>
public static class GuardedRun
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    public static CliResult Run(string[] fifos, params string[] args)
    {
        var run = Task.Factory.StartNew(() => Tool.Run(args), TaskCreationOptions.LongRunning);
        if (run.Wait(Deadline))
        {
            return run.Result;
        }

        if (fifos.Length > 0)
        {
            // Opening each FIFO for writing lets a run blocked opening it for reading go on.
            var release = Task.Factory.StartNew(
                () =>
                {
                    foreach (string fifo in fifos)
                    {
                        using var writer = new FileStream(fifo, FileMode.Open, FileAccess.Write);
                    }
                },
                TaskCreationOptions.LongRunning);
            release.Wait(Deadline);
            run.Wait(Deadline);
        }

        // A run reading a device endlessly cannot be stopped; its thread ends with the test process.
        Assert.Fail($"nvtrap {string.Join(' ', args)} did not finish within {Deadline.TotalSeconds} s: it blocked on, or kept reading, an input that is not a regular file.");
        return null!;
    }

    public static CliResult Run(params string[] args) => Run([], args);
}
