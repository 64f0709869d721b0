using NvTrap.Cli.Diffing;
using NvTrap.Cli.Rulesets;
using NvTrap.Cli.Tests.Infrastructure;
using NvTrap.Testing;

namespace NvTrap.Cli.Tests.Commands;

/// <summary>
/// <c>nvtrap export kernel-c</c>: its options, and the round trip of both built-in rulesets
/// through the commands a kernel developer runs - <c>export kernel-c --ruleset NAME --out DIR</c>,
/// then <c>import kernel --source DIR --overlay DIR/nvtrap-overlay.yaml</c> - compared with the
/// rule files compiled as they are: the <c>table</c> and <c>groups</c> listings, the context,
/// filters, parameters and reserved bits, the names, and the engine's decisions on random vCPU
/// states and VM profiles.
/// </summary>
public class ExportCommandTests
{
    private const int Seed = 20260714;
    private const int Cases = 100_000;

    /// <summary>The exported tree, imported again and compiled; and the compiled rule files it came from.</summary>
    private static (RulesetHandle Original, RulesetHandle Again, string Tables) RoundTrip(string ruleset)
    {
        using var directory = new TempDirectory();
        string tree = Path.Combine(directory.Path, "tree"), rules = Path.Combine(directory.Path, "rules");
        var exported = Tool.Run("export", "kernel-c", "--ruleset", ruleset, "--out", tree);
        Assert.True(exported.ExitCode == 0, exported.Error);
        Assert.Equal($"exported {ruleset} (rules/{ruleset}): 7 files written to {tree}\n", exported.Output);

        var imported = Tool.Run("import", "kernel", "--source", tree, "--overlay", Path.Combine(tree, "nvtrap-overlay.yaml"), "--out", rules);
        Assert.True(imported.ExitCode == 0, imported.Error);
        Assert.Equal("", imported.Error);

        var errors = new StringWriter();
        var again = RulesetLoader.Load(rules, errors, out int exitCode);
        Assert.True(again is not null && exitCode == 0, errors.ToString());
        var original = RulesetLoader.Load(TestPaths.LinuxRulesOf(ruleset), errors, out exitCode);
        Assert.True(original is not null && exitCode == 0, errors.ToString());
        return (original, again, File.ReadAllText(Path.Combine(tree, "arch/arm64/kvm/emulate-nested.c")));
    }

    private static void AssertSameRows(Dictionary<string, string[]> expected, Dictionary<string, string[]> actual, string what)
    {
        var differences = expected.Keys.Union(actual.Keys)
            .Where(k => !expected.TryGetValue(k, out var e) || !actual.TryGetValue(k, out var a) || !e.SequenceEqual(a))
            .Select(k => $"{k}: {string.Join(" ", expected.GetValueOrDefault(k) ?? ["(none)"])} -> {string.Join(" ", actual.GetValueOrDefault(k) ?? ["(none)"])}")
            .ToList();
        Assert.True(differences.Count == 0, $"{what}: {differences.Count} differences:\n" + string.Join("\n", differences.Take(20)));
    }

    [Theory]
    [InlineData("linux-7.1")]
    [InlineData("linux-6.6")]
    public void A_built_in_ruleset_exported_and_imported_again_lists_and_decides_as_its_rules(string ruleset)
    {
        var (original, again, _) = RoundTrip(ruleset);
        var before = RulesetListing.Of(original);
        var after = RulesetListing.Of(again);

        Assert.Equal(before.Name, after.Name);
        AssertSameRows(before.Groups, after.Groups, "groups");
        AssertSameRows(before.Context, after.Context, "context");
        AssertSameRows(before.Filters, after.Filters, "filters");
        AssertSameRows(before.Parameters, after.Parameters, "parameters");
        AssertSameRows(before.Registers, after.Registers, "registers");

        // The table, every column, names included: a name no entry spells (6.6's hand-written
        // catalogue names six registers the tables reach only through ranges) comes back through
        // the exported overlay's sysregs.
        const int name = 5;
        var lostNames = new List<string>();
        Assert.Equal(before.Encodings.Keys.Order(), after.Encodings.Keys.Order());
        foreach (var (encoding, row) in before.Encodings)
        {
            var other = after.Encodings[encoding];
            Assert.True(row.Where((_, k) => k != name).SequenceEqual(other.Where((_, k) => k != name)), $"{encoding}: {string.Join(" ", row)} -> {string.Join(" ", other)}");
            if (row[name] != other[name])
            {
                Assert.Equal("-", other[name]);
                lostNames.Add(row[name]);
            }
        }

        Assert.Empty(lostNames);

        // Names of the fine-grained bits, for explain.
        foreach (var encoding in original.ConfiguredEncodings)
        {
            Assert.Equal(original.Names.FineGrainedBitName(encoding.Value), again.Names.FineGrainedBitName(encoding.Value));
        }

        AssertSameDecisions(original, again);
    }

    /// <summary>
    /// Random cases decided by the engine on both compiled rulesets: half on configured encodings,
    /// half anywhere; reads and writes; EL0, EL1 and vEL2, with and without nested virtualization;
    /// registers all-zero, all-one, dense or sparse, given to both by name (the import may number
    /// registers differently); half under the default VM profile, half under a random one (hidden
    /// fine-grained bits, reserved bits, parameters). Decisions are compared in names.
    /// </summary>
    private static void AssertSameDecisions(RulesetHandle original, RulesetHandle again)
    {
        var random = new Random(Seed);
        var a = original.Names;
        var b = again.Names;
        Assert.Equal(a.RegisterCount, b.RegisterCount);
        var registerMap = Enumerable.Range(0, a.RegisterCount).Select(r => original.RegisterNames.ToList().IndexOf(again.RegisterNames[r]) is var i and >= 0 ? i : throw new InvalidOperationException(again.RegisterNames[r])).ToArray();
        int Mapped(int againRegister) => registerMap[againRegister];
        var againOf = Enumerable.Range(0, a.RegisterCount).ToDictionary(r => Mapped(r), r => r);
        var parameterOf = Enumerable.Range(0, a.ParameterCount).ToDictionary(p => p, p => Enumerable.Range(0, b.ParameterCount).First(q => b.ParameterName(q) == a.ParameterName(p)));
        var configured = original.ConfiguredEncodings;
        string Describe(RulesetNames names, TrapDecision d) =>
            $"{d.Reason} {d.Encoding} {(d.IsRead ? "read" : "write")} group {names.GroupName(d.Group)} member {names.GroupName(d.Member)} fgt {names.FineGrainedGroupName(d.FineGrainedGroup)}[{d.FineGrainedBit}] filter {names.FilterName(d.Filter)}";

        var reasons = new Dictionary<DecisionReason, int>();
        var mismatches = new List<string>();
        for (int i = 0; i < Cases; i++)
        {
            var first = new VcpuState { HasNestedVirtualization = random.Next(8) != 0, CurrentEl = (ExceptionLevel)random.Next(3) };
            var second = new VcpuState { HasNestedVirtualization = first.HasNestedVirtualization, CurrentEl = first.CurrentEl };
            for (int r = 0; r < a.RegisterCount; r++)
            {
                ulong value = a.RegisterName(r) == "HCR_EL2" ? RandomRegisters.NextHcr(random) : RandomRegisters.Next(random);
                first[r] = value;
                second[againOf[r]] = value;
            }

            var firstVm = original.DefaultVm();
            var secondVm = again.DefaultVm();
            if (random.Next(2) == 0)
            {
                for (int group = 1; group <= a.FineGrainedGroupCount; group++)
                {
                    Assert.Equal(a.FineGrainedGroupName(group), b.FineGrainedGroupName(group));
                    if (random.Next(2) == 0)
                    {
                        ulong hidden = RandomRegisters.Next(random);
                        firstVm.SetHiddenBits(group, hidden);
                        secondVm.SetHiddenBits(group, hidden);
                    }
                }

                for (int r = 0; r < a.RegisterCount; r++)
                {
                    Assert.Equal(firstVm.IsSanitised(r), secondVm.IsSanitised(againOf[r]));
                    if (firstVm.IsSanitised(r) && random.Next(3) == 0)
                    {
                        ulong res0 = RandomRegisters.Next(random), res1 = RandomRegisters.Next(random) & ~res0;
                        firstVm.SetReserved(r, res0, res1);
                        secondVm.SetReserved(againOf[r], res0, res1);
                    }
                }

                for (int p = 0; p < a.ParameterCount; p++)
                {
                    var (min, max) = a.ParameterRange(p);
                    ulong value = min + (ulong)random.NextInt64((long)(max - min + 1));
                    firstVm.SetParameter(p, value);
                    secondVm.SetParameter(parameterOf[p], value);
                }
            }

            var encoding = random.Next(2) == 0 ? configured[random.Next(configured.Length)] : new SysRegEncoding((ushort)random.Next(0x10000));
            var esr = Esr.ForSysRegAccess(encoding, isRead: random.Next(2) == 0);
            var expected = original.Decide(first, firstVm, esr);
            var actual = again.Decide(second, secondVm, esr);
            string x = Describe(a, expected), y = Describe(b, actual);
            if (x != y && mismatches.Count < 10)
            {
                mismatches.Add($"case {i}: {x} -> {y}");
            }

            reasons[expected.Reason] = reasons.GetValueOrDefault(expected.Reason) + 1;
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));

        // The cases must reach every step of a decision, or the comparison proves little.
        foreach (var reason in new[] { DecisionReason.FeatureHidden, DecisionReason.NoNestedVirtualization, DecisionReason.HypervisorContext, DecisionReason.FineGrainedTrap, DecisionReason.CoarseTrap, DecisionReason.NotTrapped, DecisionReason.NoConfiguration })
        {
            Assert.True(reasons.GetValueOrDefault(reason) > 100, $"{reason}: {reasons.GetValueOrDefault(reason)}");
        }

        // Only a ruleset with a host EL0 test reaches that step.
        Assert.Equal(a.HostEl0 is not null, reasons.GetValueOrDefault(DecisionReason.HostEl0NotForwarded) > 100);
    }

    [Fact]
    public void Export_prints_the_tables_of_the_default_ruleset_without_options()
    {
        var result = Tool.Run("export", "kernel-c");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        Assert.StartsWith($"// SPDX-License-Identifier: GPL-2.0-only\n// Trap tables of ruleset {BuiltInRulesets.Default.Name}, written by nvtrap export kernel-c.\n", result.Output);
        Assert.Contains("\tSR_FGF(OP_TLBI_VMALLE1OSNXS,\tHFGITR, TLBIVMALLE1OS, 1, HCRX_FGTnXS),\n", result.Output);
        Assert.Equal(result.Output, Tool.Run("export", "kernel-c", "--ruleset", "linux-7.1").Output);
    }

    [Fact]
    public void Export_of_rule_files_and_of_the_built_in_ruleset_they_are_write_the_same_tree()
    {
        using var directory = new TempDirectory();
        string builtIn = Path.Combine(directory.Path, "a"), files = Path.Combine(directory.Path, "b");
        Assert.Equal(0, Tool.Run("export", "kernel-c", "--ruleset", "linux-6.6", "--out", builtIn).ExitCode);
        var result = Tool.Run("export", "kernel-c", "--rules", TestPaths.LinuxRulesOf("linux-6.6"), "--out", files);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"exported linux-6.6 ({TestPaths.LinuxRulesOf("linux-6.6")}): 7 files written to {files}\n", result.Output);
        foreach (string path in Directory.EnumerateFiles(builtIn, "*", SearchOption.AllDirectories))
        {
            Assert.Equal(File.ReadAllText(path), File.ReadAllText(Path.Combine(files, Path.GetRelativePath(builtIn, path))));
        }
    }

    [Fact]
    public void Rules_and_ruleset_together_are_a_usage_error()
    {
        var result = Tool.Run("export", "kernel-c", "--rules", TestPaths.LinuxRulesOf("linux-6.6"), "--ruleset", "linux-6.6");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Contains("both name a ruleset; give one of them", result.Error);
    }

    [Fact]
    public void An_unknown_ruleset_is_a_usage_error_naming_the_built_in_ones()
    {
        var result = Tool.Run("export", "kernel-c", "--ruleset", "linux-5.10");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("there is no built-in ruleset 'linux-5.10'; the built-in rulesets are linux-7.1, linux-6.6", result.Error);
    }

    [Fact]
    public void The_built_in_rule_files_are_embedded_under_their_repository_paths()
    {
        foreach (var ruleset in BuiltInRulesets.All)
        {
            var embedded = BuiltInRuleFiles.Of(ruleset);
            string folder = TestPaths.LinuxRulesOf(ruleset.Name);
            var onDisk = Directory.EnumerateFiles(folder, "*.nvtrap.yaml", SearchOption.AllDirectories)
                .Select(p => $"rules/{ruleset.Name}/" + Path.GetRelativePath(folder, p).Replace('\\', '/'))
                .Order(StringComparer.Ordinal);
            Assert.Equal(onDisk, embedded.Select(f => f.Path));
            Assert.All(embedded, f => Assert.Equal(File.ReadAllText(Path.Combine(folder, f.Path.Substring($"rules/{ruleset.Name}/".Length))), f.Text));
        }
    }
}
