using Microsoft.CodeAnalysis;
using NvTrap.Compiler;
using NvTrap.Properties.Tests.Infrastructure;

namespace NvTrap.Properties.Tests.Mutation;

/// <summary>
/// A shipped ruleset (rules/linux-6.6, rules/linux-7.1, a sample) ready to be mutated one file at
/// a time: its files, their parses, and a generator driver that has already run over them, so a
/// mutant costs one file's parse and one compile of the ruleset in check and in the build, as an
/// edit does in an IDE.
/// </summary>
internal sealed class ShippedRuleset
{
    private readonly Compilation _targets;
    private readonly GeneratorDriver _driver;
    private readonly AdditionalText[] _texts;

    private ShippedRuleset(string name, IReadOnlyList<RuleFile> files)
    {
        Name = name;
        Files = files;
        Parsed = files.Select(f => RuleCompiler.ParseSafely(new RuleSource(f.Path, f.Text))).ToArray();
        Target = new Target("M", "Traps", name);
        _targets = BuildHost.Targets(new[] { Target }, "Mutants");
        _texts = files.Select(BuildHost.Text).ToArray();
        (_driver, _) = BuildHost.Run(BuildHost.Driver(_texts), _targets);
    }

    public string Name { get; }

    public IReadOnlyList<RuleFile> Files { get; }

    public IReadOnlyList<ParsedRuleFile> Parsed { get; }

    public Target Target { get; }

    /// <summary>Every shipped ruleset: the built-in ones and the samples' rule files.</summary>
    public static IReadOnlyList<ShippedRuleset> All { get; } = Load();

    /// <summary>The build with file <paramref name="index"/> replaced by <paramref name="mutant"/>.</summary>
    public GeneratorRunResult Build(int index, RuleFile mutant) =>
        BuildHost.Run(_driver.ReplaceAdditionalText(_texts[index], BuildHost.Text(mutant)), _targets).Result;

    private static IReadOnlyList<ShippedRuleset> Load()
    {
        string root = NvTrap.Testing.RepositoryPaths.Root;
        var folders = new[] { "rules/linux-6.6", "rules/linux-7.1" }
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "samples"), "*.nvtrap.yaml", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, Path.GetDirectoryName(f)!)).Distinct());
        var rulesets = new List<ShippedRuleset>();
        foreach (string folder in folders.Order(StringComparer.Ordinal))
        {
            var files = Directory.EnumerateFiles(Path.Combine(root, folder), "*.nvtrap.yaml", SearchOption.AllDirectories)
                .Select(f => new RuleFile(Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllText(f)))
                .OrderBy(f => f.Path, StringComparer.Ordinal)
                .ToList();
            var parsed = RuleCompiler.Compile(files.Select(f => new RuleSource(f.Path, f.Text)).ToList());
            foreach (var ruleset in parsed.Rulesets)
            {
                rulesets.Add(new ShippedRuleset(ruleset.Name, files.Where(f => parsed.Files.First(p => p.Path == f.Path).Syntax?.Ruleset?.Text == ruleset.Name).ToList()));
            }
        }

        return rulesets;
    }
}
