using Microsoft.CodeAnalysis;
using NvTrap.Generator.Tests.Infrastructure;

namespace NvTrap.Generator.Tests.Generator;

/// <summary>
/// When the rules have errors the build shows those errors and nothing else: the generator emits a
/// stand-in that declares the ruleset's API with the names the rules define, so code that calls
/// Decide, builds a State or names a register, group, fine-grained group, filter or parameter still
/// binds — no CS error far from the cause, and none inside the stand-in itself.
/// </summary>
public class StandInTests
{
    /// <summary>How a stand-in for ruleset t starts its header.</summary>
    internal const string StandInHeader = "//   " + NvTrap.Compiler.Emitting.RulesetEmitter.StandInMarker + " the build reports errors for ruleset t ";

    /// <summary>User code touching every kind of generated member a ruleset's names produce.</summary>
    private const string User = """
        namespace Sample;

        [NvTrap.NvTrapRuleset("t")]
        public static partial class SampleTraps
        {
            public static bool Forwards(ulong r)
            {
                var state = new State { HasNestedVirtualization = true, CurrentEl = NvTrap.ExceptionLevel.El1, R = r, F = 1 };
                var esr = NvTrap.Esr.ForSysRegAccess(NvTrap.SysRegEncoding.Parse("S3_0_C1_C0_0"), isRead: false);
                var vm = DefaultVm();
                return Decide(state, esr).Forward
                    && Decide(state, vm, esr).Forward
                    && Explain(state, esr).Decision.Forward
                    && LookupConfig(esr.Encoding) != 0
                    && ConfiguredEncodings().Length == ConfiguredEncodingCount
                    && Registers.R + Registers.F + Groups.C1 + Groups.M1 + Groups.K + FineGrainedGroups.G + Filters.FX + Parameters.N > RegisterCount + GroupCount
                    && RulesetName == "t";
            }

            public static int Id(int group) => group switch
            {
                Groups.C1 => 1,
                Groups.C2 => 2,
                Groups.M1 => 3,
                _ => 0,
            };
        }
        """;

    public static TheoryData<string, string, string> BrokenRules => new()
    {
        // (what is wrong, the text replaced in the snapshot rules, its replacement)
        { "NVT012", "{ group: M1, sysreg", "{ group: M9, sysreg" },
        { "NVT061", "when: \"R.W == 5 && crm != 0\"", "when: \"Q.W == 5\"" },
        { "NVT004", "  F: { res0", "  R: { fields: { A: 0 } }\n  F: { res0" },
        { "NVT016", "  F: { res0", "  State: { fields: { A: 0 } }\n  Equals: { fields: { A: 0 } }\n  F: { res0" },
        { "NVT016", "  N: { default", "  Parameters: { default: 0, range: 0..1 }\n  N: { default" },
        { "NVT016", "  FX: \"R.W == 1\"", "  FX: \"R.W == 1\"\n  Filters: \"R.W == 2\"" },
        { "NVT016", "  G: { both: F }", "  G: { both: F }\n  FineGrainedGroups: { both: F }" },
        { "NVT016", "  C1: { register", "  Groups: { register: R, mask: A, value: A, forward: any }\n  C1: { register" },
        { "NVT010", "  G: { both: F }", "  G: { both: NOPE }" },
        { "NVT007", "  F: { res0", "  " + new string('L', 300) + ": { fields: { A: 0 } }\n  F: { res0" },
    };

    [Theory]
    [MemberData(nameof(BrokenRules))]
    public void Rule_errors_are_the_only_diagnostics_and_the_users_code_binds(string id, string find, string replace)
    {
        string broken = GeneratorTests.SnapshotRules.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(GeneratorTests.SnapshotRules, broken);

        var (result, output, diagnostics) = GeneratorHarness.Run(new[] { User }, GeneratorHarness.Yaml("rules/t.nvtrap.yaml", broken));

        Assert.Contains(diagnostics, d => d.Id == id && d.Severity == DiagnosticSeverity.Error);
        Assert.All(diagnostics, d => Assert.StartsWith("NVT", d.Id));
        AssertCompilesCleanly(output);
        Assert.Contains(StandInHeader, Api(result));
    }

    [Fact]
    public void The_stand_in_matches_the_approved_snapshot()
    {
        // The snapshot rules with one error: what a user sees on F12 while the rules are broken.
        string broken = GeneratorTests.SnapshotRules.Replace("{ group: M1, sysreg", "{ group: M9, sysreg", StringComparison.Ordinal);
        var (result, _, _) = GeneratorHarness.Run(new[] { User }, GeneratorHarness.Yaml("rules/t.nvtrap.yaml", broken));

        Snapshot.Match("SampleTraps.StandIn", Api(result));
    }

    [Fact]
    public void The_stand_in_declares_the_names_and_configures_nothing()
    {
        string broken = GeneratorTests.SnapshotRules.Replace("{ group: M1, sysreg", "{ group: M9, sysreg", StringComparison.Ordinal);
        var (result, _, _) = GeneratorHarness.Run(new[] { User }, GeneratorHarness.Yaml("rules/t.nvtrap.yaml", broken));
        string api = Api(result);

        Assert.Contains("public const int ConfiguredEncodingCount = 0;", api);
        Assert.Contains("public ulong R {", api);
        Assert.Contains("public const int K = 4;", api); // as in the real code: controls, combinations, then conditions
        // The conditions' expressions are not emitted: they may be what is broken.
        Assert.DoesNotContain("Condition_K", api);
        Assert.DoesNotContain("R.W == 5", api);
    }

    [Fact]
    public void A_csharp_condition_keeps_its_declaration_so_the_users_implementation_binds()
    {
        string broken = GeneratorTests.SnapshotRules
            .Replace("when: \"R.W == 5 && crm != 0\"", "csharp: IsK", StringComparison.Ordinal)
            .Replace("{ group: M1, sysreg", "{ group: M9, sysreg", StringComparison.Ordinal);
        string user = User.Replace("public static int Id", """
            private static partial bool IsK<TState>(ref TState state, NvTrap.SysRegEncoding encoding)
                where TState : struct, NvTrap.IVcpuState => state.ReadRegister(Registers.R) != 0;

            public static int Id
            """, StringComparison.Ordinal);

        var (result, output, diagnostics) = GeneratorHarness.Run(new[] { user }, GeneratorHarness.Yaml("rules/t.nvtrap.yaml", broken));

        Assert.Equal("NVT012", Assert.Single(diagnostics, d => d.Severity == DiagnosticSeverity.Error).Id);
        AssertCompilesCleanly(output);
        Assert.Contains("private static partial bool IsK<TState>", Api(result));
    }

    public static TheoryData<string, string> CSharpConditionsBindingCannotKeep => new()
    {
        // (the error, the conditions: each names its C# method, IsA or IsB)
        { "NVT009", "  A: { forward: any, csharp: IsA, when: \"crm == 1\" }\n  B: { forward: any, csharp: IsB }" },
        { "NVT004", "  A: { forward: any, csharp: IsA }\n  B: { forward: any, csharp: IsB }\ncombinations:\n  A: [B]" },
        { "NVT016", "  A: { forward: any, csharp: IsA }\n  Groups: { forward: any, csharp: IsB }" },
    };

    [Theory]
    [MemberData(nameof(CSharpConditionsBindingCannotKeep))]
    public void Every_csharp_method_a_condition_names_stays_declared(string id, string conditions)
    {
        string rules = "ruleset: t\nregisters:\n  R: {}\nconditions:\n" + conditions + "\ntraps:\n  - { group: A, sysreg: S3_0_C1_C0_0 }\n";
        const string user = """
            namespace Sample;

            [NvTrap.NvTrapRuleset("t")]
            public static partial class SampleTraps
            {
                private static partial bool IsA<TState>(ref TState state, NvTrap.SysRegEncoding encoding)
                    where TState : struct, NvTrap.IVcpuState => encoding.CRm == 1;

                private static partial bool IsB<TState>(ref TState state, NvTrap.SysRegEncoding encoding)
                    where TState : struct, NvTrap.IVcpuState => encoding.CRm == 2;
            }
            """;

        var (result, output, diagnostics) = GeneratorHarness.Run(new[] { user }, GeneratorHarness.Yaml("rules/t.nvtrap.yaml", rules));

        Assert.Equal(id, Assert.Single(diagnostics, d => d.Severity == DiagnosticSeverity.Error).Id);
        AssertCompilesCleanly(output);
        Assert.Contains(StandInHeader, Api(result));
    }

    [Fact]
    public void A_csharp_method_named_like_the_class_is_left_out_of_the_stand_in()
    {
        string rules = GeneratorTests.SnapshotRules.Replace("when: \"R.W == 5 && crm != 0\"", "csharp: SampleTraps", StringComparison.Ordinal);
        var (result, output, diagnostics) = GeneratorHarness.Run(new[] { User }, GeneratorHarness.Yaml("rules/t.nvtrap.yaml", rules));

        Assert.Equal("NVT016", Assert.Single(diagnostics, d => d.Severity == DiagnosticSeverity.Error).Id);
        AssertCompilesCleanly(output);
        Assert.Contains(StandInHeader, Api(result));
    }

    [Theory]
    [InlineData("a YAML syntax error", "ruleset: t\nregisters: [unclosed\n")]
    [InlineData("no rule file of the ruleset", "ruleset: other\nregisters:\n  R: {}\n")]
    public void A_ruleset_that_cannot_be_read_or_found_still_gets_the_api_without_names(string what, string yaml)
    {
        const string user = """
            namespace Sample;

            [NvTrap.NvTrapRuleset("t")]
            public static partial class SampleTraps
            {
                public static bool Forwards(NvTrap.Esr esr) =>
                    Decide(new State { HasNestedVirtualization = true, CurrentEl = NvTrap.ExceptionLevel.El1 }, esr).Forward
                    && RegisterCount == 0 && RulesetName == "t";
            }
            """;

        var (result, output, diagnostics) = GeneratorHarness.Run(new[] { user }, GeneratorHarness.Yaml("rules/t.nvtrap.yaml", yaml));

        Assert.True(diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error), what);
        Assert.All(diagnostics, d => Assert.StartsWith("NVT", d.Id));
        AssertCompilesCleanly(output);
        Assert.Contains(StandInHeader, Api(result));
    }

    [Fact]
    public void A_fine_grained_group_whose_only_register_was_refused_still_emits()
    {
        // The stand-in keeps the group but not the register (NVT016): nothing in the generated
        // code may look the group's register up by name (found by the valid-ruleset property).
        const string rules = """
            ruleset: t
            registers:
              State: { fields: { X: 3 } }
            fine_grained:
              G: { both: State }
            fine_grained_traps:
              - { sysreg: S3_0_C1_C0_1, bit: G.X, trap_when: set }
            """;
        const string user = """
            namespace Sample;

            [NvTrap.NvTrapRuleset("t")]
            public static partial class SampleTraps
            {
                public const int Group = FineGrainedGroups.G;
            }
            """;

        var (result, output, diagnostics) = GeneratorHarness.Run(new[] { user }, GeneratorHarness.Yaml("rules/t.nvtrap.yaml", rules));

        Assert.Equal("NVT016", Assert.Single(diagnostics, d => d.Severity == DiagnosticSeverity.Error).Id);
        Assert.All(diagnostics, d => Assert.StartsWith("NVT", d.Id));
        AssertCompilesCleanly(output);
        Assert.Contains(StandInHeader, Api(result));
    }

    [Fact]
    public void A_stand_in_for_a_ruleset_no_file_names_says_it_has_no_rule_file()
    {
        var (result, _, diagnostics) = GeneratorHarness.Run(new[] { User }, GeneratorHarness.Yaml("rules/o.nvtrap.yaml", "ruleset: other\nregisters:\n  R: {}\n"));

        Assert.Equal("NVT080", Assert.Single(diagnostics).Id);
        Assert.Contains("//   no rule file.\n", Api(result));
    }

    private static string Api(GeneratorDriverRunResult result) =>
        result.GeneratedTrees.Single(t => t.FilePath.EndsWith(".NvTrap.g.cs", StringComparison.Ordinal)).ToString();

    /// <summary>No error or warning anywhere: not in the user's code, not in the stand-in; and it emits.</summary>
    private static void AssertCompilesCleanly(Compilation output)
    {
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        using var stream = new MemoryStream();
        var emit = output.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
    }
}
