using NvTrap.Benchmarks.Inputs;
using NvTrap.Compiler;

namespace NvTrap.Benchmarks.Generation;

/// <summary>
/// The rulesets the generator benchmarks run on: the Linux rules from disk, and synthetic ones
/// 10x and 100x their size (see <see cref="RulesetShape.Times"/> for what is capped). Each is
/// compiled once by the core to check it is error-free and to count its configured encodings.
/// </summary>
internal sealed class BenchmarkRulesets
{
    public const string Linux = LinuxRuleset.Name;
    public const string X10 = "x10";
    public const string X100 = "x100";

    private static readonly Dictionary<string, BenchmarkRulesets> Cache = new();

    private BenchmarkRulesets(string key, string rulesetName, string className, IReadOnlyList<RuleSource> sources, RulesetShape? shape, int configuredEncodings)
    {
        Key = key;
        RulesetName = rulesetName;
        ClassName = className;
        Sources = sources;
        Shape = shape;
        ConfiguredEncodings = configuredEncodings;
        Characters = sources.Sum(s => (long)s.Text.Length);
    }

    /// <summary>The benchmark parameter: <c>linux-6.6</c>, <c>x10</c> or <c>x100</c>.</summary>
    public string Key { get; }

    public string RulesetName { get; }

    /// <summary>The partial class the generator fills.</summary>
    public string ClassName { get; }

    public IReadOnlyList<RuleSource> Sources { get; }

    /// <summary>What the ruleset holds (null when it was not compiled by the core first).</summary>
    public RulesetShape? Shape { get; }

    public int ConfiguredEncodings { get; }

    /// <summary>Diagnostics the ruleset draws (warnings only: errors throw); synthetic rulesets are written to draw none.</summary>
    public int Warnings { get; private set; }

    public long Characters { get; }

    public static IReadOnlyList<string> Keys { get; } = new[] { Linux, X10, X100 };

    /// <summary>
    /// The ruleset, compiled by the core first unless <paramref name="verify"/> is false: the
    /// cold-start benchmark must not run the compiler before it measures it.
    /// </summary>
    public static BenchmarkRulesets Get(string key, bool verify = true)
    {
        if (!verify)
        {
            return key == Linux
                ? new BenchmarkRulesets(key, Linux, "Linux66Traps", RuleFiles.Load(RuleFiles.LinuxRulesDirectory()), null, Linux66Traps.ConfiguredEncodingCount)
                : throw new ArgumentException("Only the Linux rules can be used without compiling them first.", nameof(key));
        }

        lock (Cache)
        {
            if (!Cache.TryGetValue(key, out var rulesets))
            {
                rulesets = Create(key);
                Cache.Add(key, rulesets);
            }

            return rulesets;
        }
    }

    private static BenchmarkRulesets Create(string key)
    {
        var linux = LinuxRuleset.Instance;
        var linuxShape = RulesetShape.Of(linux.Lowered);
        if (key == Linux)
        {
            return Compiled(key, Linux, "Linux66Traps", linux.Sources, linuxShape);
        }

        int scale = key switch
        {
            X10 => 10,
            X100 => 100,
            _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Unknown ruleset."),
        };
        string name = "synthetic-" + key;
        var shape = linuxShape.Times(scale);
        return Compiled(key, name, "SyntheticTraps", SyntheticRuleset.Build(shape, name, TrapWorkload.Seed + scale), shape);
    }

    /// <summary>
    /// Rules that are not checked first, for inputs that are meant to fail or to stress the
    /// compiler (<see cref="Adversarial.AdversarialInputs"/>): the benchmark measures that work.
    /// </summary>
    public static BenchmarkRulesets Unchecked(string key, string rulesetName, string className, IReadOnlyList<RuleSource> sources) =>
        new(key, rulesetName, className, sources, shape: null, configuredEncodings: 0);

    private static BenchmarkRulesets Compiled(string key, string rulesetName, string className, IReadOnlyList<RuleSource> sources, RulesetShape shape)
    {
        var compilation = RuleCompiler.Compile(sources);
        var errors = compilation.Diagnostics.Where(d => d.IsError).Take(5).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"Ruleset {key} does not compile:\n" + string.Join("\n", errors));
        }

        var lowered = compilation.Find(rulesetName)?.Lowered ?? throw new InvalidOperationException($"Ruleset {key} did not lower.");
        int configured = lowered.Counts.ConfiguredEncodings;
        return new BenchmarkRulesets(key, rulesetName, className, sources, shape with { ConfiguredEncodings = configured }, configured)
        {
            Warnings = compilation.Diagnostics.Count,
        };
    }
}
