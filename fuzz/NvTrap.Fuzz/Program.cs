using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using SharpFuzz;

namespace NvTrap.Fuzz;

/// <summary>
/// <c>NvTrap.Fuzz TARGET</c> runs TARGET (rules, eval or kernel) under afl-fuzz through SharpFuzz, reading
/// each input from standard input; fuzz/run.sh starts it. <c>NvTrap.Fuzz TARGET PATH...</c> replays
/// files (or every file in folders) once each without afl, prints what each did, and exits 1 if
/// any failed: for triage, and as the command afl-tmin minimizes with.
/// </summary>
internal static class Program
{
    private static readonly Dictionary<string, Func<byte[], object>> Targets = new(StringComparer.Ordinal)
    {
        ["rules"] = input => RulesTarget.Run(input),
        ["eval"] = input => EvalTarget.Run(input),
        ["kernel"] = input => KernelTarget.Run(input),
    };

    public static int Main(string[] args)
    {
        if (args.Length == 0 || !Targets.TryGetValue(args[0], out var target))
        {
            Console.Error.WriteLine("usage: NvTrap.Fuzz rules|eval|kernel            (under afl-fuzz: input on standard input)");
            Console.Error.WriteLine("       NvTrap.Fuzz rules|eval|kernel PATH...   (replay files or folders once, without afl)");
            Console.Error.WriteLine("       NvTrap.Fuzz rules|eval|kernel --write-seeds DIR   (write the seeds kept in code into DIR)");
            return 2;
        }

        if (args.Length == 3 && args[1] == "--write-seeds")
        {
            // Seeds kept in code rather than in fuzz/corpus (only the kernel target has any).
            if (args[0] == "kernel")
            {
                foreach (var (name, text) in KernelTarget.Seeds)
                {
                    File.WriteAllText(Path.Combine(args[2], name), text);
                }
            }

            return 0;
        }

        if (args.Length == 1)
        {
            // Out of process: a stack overflow or a hang kills only the child, which SharpFuzz
            // restarts, and afl records the input instead of the whole run stopping.
            Fuzzer.OutOfProcess.Run(stream =>
            {
                using var memory = new MemoryStream();
                stream.CopyTo(memory);
                target(memory.ToArray());
            });
            return 0;
        }

        return Replay(target, args.Skip(1));
    }

    private static unsafe int Replay(Func<byte[], object> target, IEnumerable<string> paths)
    {
        // Instrumented assemblies (fuzz/.out/TARGET/bin) write coverage to SharpFuzz's shared
        // memory, which only Fuzzer.Run sets up: give them a map of their own.
        if (SharpFuzz.Common.Trace.SharedMem == null)
        {
            SharpFuzz.Common.Trace.SharedMem = (byte*)Marshal.AllocHGlobal(1 << 16);
        }

        var files = paths
            .SelectMany<string, string>(p => Directory.Exists(p) ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal) : new[] { p })
            .Where(f => !Path.GetFileName(f).Equals("README.md", StringComparison.OrdinalIgnoreCase))
            .ToList();
        int failed = 0;
        foreach (string file in files)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                target(File.ReadAllBytes(file));
                Console.WriteLine($"ok    {file} ({watch.ElapsedMilliseconds} ms)");
            }
            catch (Exception ex)
            {
                failed++;
                Console.WriteLine($"FAIL  {file}");
                Console.WriteLine("      " + ex.ToString().Replace("\n", "\n      "));
            }
        }

        Console.WriteLine($"{files.Count - failed} passed, {failed} failed");
        return failed == 0 ? 0 : 1;
    }
}
