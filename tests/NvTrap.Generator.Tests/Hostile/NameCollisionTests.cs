using NvTrap.Generator.Tests.Infrastructure;

namespace NvTrap.Generator.Tests.Hostile;

/// <summary>
/// Rule names become C# identifiers in generated code. Every name, in every place a name is
/// defined, either compiles (escaped, or unable to meet a generated member) or is a located error
/// at the name in check and build alike: never a CS error inside generated code.
/// </summary>
public class NameCollisionTests
{
    /// <summary>Where a name goes: a rule file with N in that place, used so the name reaches every piece of generated code it can.</summary>
    public static readonly IReadOnlyDictionary<string, string> Places = new Dictionary<string, string>
    {
        ["register"] = """
            ruleset: t
            registers:
              N: { fields: { A: 0 } }
              F: { res0: [[63, 4], [2, 0]], fields: { X: 3 } }
            controls:
              C: { register: N, mask: A, value: A, forward: any }
            conditions:
              K: { forward: any, when: "N.A && N[3] && N != 0" }
            fine_grained:
              G: { both: F }
            traps:
              - { group: C, sysreg: S3_0_C1_C0_0 }
              - { group: K, sysreg: S3_0_C1_C0_1 }
            fine_grained_traps:
              - { sysreg: S3_0_C1_C0_2, bit: G.X, trap_when: set }
            """,
        ["sanitised register"] = """
            ruleset: t
            registers:
              N: { res0: [63], fields: { A: 0 } }
            conditions:
              K: { forward: any, when: "N.A" }
            traps:
              - { group: K, sysreg: S3_0_C1_C0_1 }
            """,
        ["field"] = """
            ruleset: t
            registers:
              R: { fields: { N: 0 } }
            controls:
              C: { register: R, mask: N, value: N, forward: any }
            conditions:
              K: { forward: any, when: "R.N" }
            traps:
              - { group: C, sysreg: S3_0_C1_C0_0 }
              - { group: K, sysreg: S3_0_C1_C0_1 }
            """,
        ["control"] = """
            ruleset: t
            registers:
              R: { fields: { A: 0 } }
            controls:
              N: { register: R, mask: A, value: A, forward: any }
            traps:
              - { group: N, sysreg: S3_0_C1_C0_0 }
            """,
        ["combination"] = """
            ruleset: t
            registers:
              R: { fields: { A: 0 } }
            controls:
              C: { register: R, mask: A, value: A, forward: any }
            conditions:
              K: { forward: read, when: "R.A" }
            combinations:
              N: [C, K]
            traps:
              - { group: N, sysreg: S3_0_C1_C0_0 }
            """,
        ["condition"] = """
            ruleset: t
            registers:
              R: { fields: { A: 0 } }
            conditions:
              N: { forward: any, when: "R.A" }
            traps:
              - { group: N, sysreg: S3_0_C1_C0_0 }
            """,
        ["C# condition method"] = """
            ruleset: t
            registers:
              R: { fields: { A: 0 } }
            conditions:
              K: { forward: any, csharp: N }
              K2: { forward: read, csharp: N }
            traps:
              - { group: K, sysreg: S3_0_C1_C0_0 }
              - { group: K2, sysreg: S3_0_C1_C0_1 }
            """,
        ["fine-grained group"] = """
            ruleset: t
            registers:
              F: { res0: [[63, 4], [2, 0]], fields: { X: 3 } }
            fine_grained:
              N: { both: F }
            fine_grained_traps:
              - { sysreg: S3_0_C1_C0_2, bit: N.X, trap_when: set }
            """,
        ["filter"] = """
            ruleset: t
            registers:
              F: { res0: [[63, 4], [2, 0]], fields: { X: 3 } }
            filters:
              N: "F.X"
            fine_grained:
              G: { both: F }
            fine_grained_traps:
              - { sysreg: S3_0_C1_C0_2, bit: G.X, trap_when: set, filter: N }
            """,
        ["parameter"] = """
            ruleset: t
            parameters:
              N: { default: 1, range: 0..3 }
            registers:
              R: { fields: { A: 0 } }
            conditions:
              K: { forward: any, when: "N == 1 && R.A" }
            traps:
              - { group: K, sysreg: S3_0_C1_C0_0 }
            """,
        ["catalogue name"] = """
            ruleset: t
            registers:
              R: { fields: { A: 0 } }
            controls:
              C: { register: R, mask: A, value: A, forward: any }
            sysregs:
              N: S3_0_C1_C0_0
            traps:
              - { group: C, sysreg: N }
            """,
    };

    /// <summary>Every member name the generated types declare or refer to, and the types and namespaces around them.</summary>
    public static readonly string[] GeneratedNames =
    {
        "Count", "State", "Rules", "Registers", "Groups", "Filters", "Parameters", "FineGrainedGroups", "Tables", "NameTable", "Instance",
        "RulesetName", "Decide", "Explain", "DefaultVm", "LookupConfig", "ConfiguredEncodings", "ConfiguredEncodingCount", "RegisterCount",
        "GroupCount", "FineGrainedGroupCount", "FilterCount", "ParameterCount", "CurrentEl", "HasNestedVirtualization", "ReadRegister",
        "_registers", "_element0", "RegisterFile", "Read", "Bits", "Truth", "Shl", "Shr", "PopCount", "Min", "Max", "Condition_K",
        "Condition_X", "LookupIssKey", "SanitisedRegisters", "HiddenBits", "Res0", "Res1", "Parameter", "Names", "IsHypervisorContext",
        "IsHostEl0", "FilterHolds", "EvaluateCondition", "LookupDisplacements", "LookupSlots", "DecisionListStarts", "DecisionRecords",
        "GroupStarts", "GroupRecords", "GroupKinds", "FineGrainedRegisters", "RegisterRes0", "RegisterRes1", "ParameterDefaults",
        "AgreementTarget", "Agreement", "NvTrap", "System", "global", "state", "vm", "encoding", "group", "filter", "register", "TState", "TVm",
        "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals",
    };

    /// <summary>C# keywords, contextual keywords and the undocumented keywords, which need '@' or nothing.</summary>
    public static readonly string[] Keywords =
    {
        "class", "int", "namespace", "this", "base", "default", "null", "object", "string", "event", "operator", "params", "void",
        "var", "value", "field", "nameof", "async", "await", "dynamic", "record", "partial", "when", "get", "set", "init", "add", "remove",
        "yield", "file", "required", "scoped", "unmanaged", "notnull", "managed", "args", "_", "__", "and", "or", "not", "with", "select",
        "from", "let", "where", "extension", "allows", "__arglist", "__makeref", "__reftype", "__refvalue",
    };

    /// <summary>Names that are not names: '@', non-ASCII letters, and lengths around C#'s 512-character identifier limit.</summary>
    public static readonly string[] Odd =
    {
        "@class", "Régistre", "名前", "A" + new string('b', 255), "A" + new string('b', 256), "A" + new string('b', 503), "A" + new string('b', 600),
    };

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (string place in Places.Keys)
        {
            foreach (string name in GeneratedNames.Concat(Keywords).Concat(Odd))
            {
                if (place != "C# condition method" || name != CheckBuildAgreement.TargetClass)
                {
                    data.Add(place, name);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_name_compiles_or_is_a_located_error_at_the_name(string place, string name)
    {
        string yaml = Substitute(Places[place], name);

        // The user implements a C# condition's method wherever the generated code declares it:
        // in the real code, or in the stand-in of rules with errors unless the name was refused.
        var compiled = Testing.Rules.Compile(("rules/t.nvtrap.yaml", yaml)).Find("t");
        bool declared = (compiled?.Lowered ?? compiled?.StandIn)?.Conditions.Any(c => c.Logic is NvTrap.Compiler.Semantics.CSharpLogic m && m.Method == name) ?? false;
        string members = place == "C# condition method" && declared
            ? $"private static partial bool @{name}<TState>(ref TState state, NvTrap.SysRegEncoding encoding) where TState : struct, NvTrap.IVcpuState => encoding.CRm == 1;"
            : string.Empty;
        var outcome = CheckBuildAgreement.Verify(new[] { ("rules/t.nvtrap.yaml", yaml) }, "t", members);
        var errors = outcome.Check.Diagnostics.Where(d => d.IsError).ToList();
        if (errors.Count == 0)
        {
            Assert.True(Expected(place, name) == null, $"'{name}' as a {place} compiles, but the tests expect {Expected(place, name)}");
            return;
        }

        // Reported at the name (one of the places it is written), and nowhere else.
        var lines = yaml.Split('\n');
        Assert.Contains(errors, e => lines[e.Span.StartLine - 1].IndexOf(name, e.Span.StartColumn - 1, StringComparison.Ordinal) == e.Span.StartColumn - 1);
        Assert.All(errors, e => Assert.True(ContainsName(lines[e.Span.StartLine - 1], name), $"{e} is not at the name"));
        if (Expected(place, name) is { } id)
        {
            Assert.Contains(errors, e => e.Id == id);
        }
    }

    /// <summary>The error a name must give in a place, or null where it must compile: only what C# cannot take is refused.</summary>
    private static string? Expected(string place, string name)
    {
        if (name.Length > 256)
        {
            return "NVT007";
        }

        if (name is "@class" or "Régistre" or "名前")
        {
            return name == "@class" ? "NVT001" : "NVT008";
        }

        if (name is "null" && place is not ("C# condition method" or "catalogue name"))
        {
            return "NVT008";
        }

        string? taken = place switch
        {
            "register" or "sanitised register" => NvTrap.Compiler.Common.GeneratedNames.Collision(NvTrap.Compiler.Common.NameKind.Register, name),
            "control" or "combination" or "condition" => NvTrap.Compiler.Common.GeneratedNames.Collision(NvTrap.Compiler.Common.NameKind.Group, name),
            "fine-grained group" => NvTrap.Compiler.Common.GeneratedNames.Collision(NvTrap.Compiler.Common.NameKind.FineGrainedGroup, name),
            "filter" => NvTrap.Compiler.Common.GeneratedNames.Collision(NvTrap.Compiler.Common.NameKind.Filter, name),
            "parameter" => NvTrap.Compiler.Common.GeneratedNames.Collision(NvTrap.Compiler.Common.NameKind.Parameter, name),
            "C# condition method" => NvTrap.Compiler.Common.GeneratedNames.Collision(NvTrap.Compiler.Common.NameKind.CSharpMethod, name),
            _ => null,
        };
        return taken is null ? null : "NVT016";
    }

    [Fact]
    public void A_csharp_method_named_like_the_class_is_reported_by_the_build_at_the_method()
    {
        // Only the build knows the class: check accepts the rules, the generator reports NVT016.
        string yaml = Substitute(Places["C# condition method"], CheckBuildAgreement.TargetClass);
        Assert.False(Testing.Rules.Compile(("rules/t.nvtrap.yaml", yaml)).HasErrors);
        var (result, output, diagnostics) = GeneratorHarness.Run(
            new[] { $"namespace Agreement; [NvTrap.NvTrapRuleset(\"t\")] public static partial class {CheckBuildAgreement.TargetClass} {{ }}" },
            GeneratorHarness.Yaml("rules/t.nvtrap.yaml", yaml));
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("NVT016", diagnostic.Id);
        Assert.Equal((5, Testing.Rules.ColumnOf(yaml, 5, CheckBuildAgreement.TargetClass)), (diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1, diagnostic.Location.GetLineSpan().StartLinePosition.Character + 1));
        // A stand-in without that method, so the rest of the class still binds.
        Assert.All(result.GeneratedTrees, tree => Assert.Contains("//   " + NvTrap.Compiler.Emitting.RulesetEmitter.StandInMarker, tree.ToString()));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning));
    }

    [Theory]
    [InlineData("State")]
    [InlineData("Rules")]
    [InlineData("Decide")]
    [InlineData("Groups")]
    public void A_class_named_like_a_generated_member_is_refused_at_its_attribute(string className)
    {
        var (result, _, diagnostics) = GeneratorHarness.Run(
            new[] { $"namespace N; [NvTrap.NvTrapRuleset(\"t\")] public static partial class {className} {{ }}" },
            GeneratorHarness.Yaml("t.nvtrap.yaml", NvTrap.Testing.DiagnosticCases.Base));
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("NVT081", diagnostic.Id);
        Assert.Contains("has the name of a member NvTrap generates", diagnostic.GetMessage());
        Assert.Empty(result.GeneratedTrees);
    }

    [Fact]
    public void Keywords_in_the_target_s_namespace_and_containing_types_are_escaped()
    {
        string source = "namespace @class.@int { public partial class @namespace { [NvTrap.NvTrapRuleset(\"t\")] internal static partial class @event { private static partial bool IsK<TState>(ref TState state, NvTrap.SysRegEncoding encoding) where TState : struct, NvTrap.IVcpuState => true; } } }";
        string yaml = Substitute(Places["C# condition method"], "IsK");
        var (result, output, diagnostics) = GeneratorHarness.Run(new[] { source }, GeneratorHarness.Yaml("t.nvtrap.yaml", yaml));
        Assert.Empty(diagnostics);
        Assert.Equal(2, result.GeneratedTrees.Length);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning));
    }

    [Fact]
    public void Every_member_the_emitter_declares_is_one_GeneratedNames_lists()
    {
        // The rules that use every construct, with a C# condition: what the emitter writes
        // beside the rule names must be what the binder keeps rule names away from.
        string rules = Generator.GeneratorTests.SnapshotRules.Replace("K: { forward: write, when: \"R.W == 5 && crm != 0\" }", "K: { forward: write, csharp: IsK }");
        var outcome = CheckBuildAgreement.Verify(rules, "private static partial bool IsK<TState>(ref TState state, NvTrap.SysRegEncoding encoding) where TState : struct, NvTrap.IVcpuState => true;");
        var ruleNames = new[] { "R", "F", "C1", "C2", "M1", "K", "P", "FX", "G", "N", "IsK" };
        var types = outcome.Generated.SelectMany(t => t.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax>()).ToList();

        static IEnumerable<string> Members(Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax type) => type.Members.SelectMany(m => m switch
        {
            Microsoft.CodeAnalysis.CSharp.Syntax.BaseTypeDeclarationSyntax t => new[] { t.Identifier.Text },
            Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax method => new[] { method.Identifier.Text },
            Microsoft.CodeAnalysis.CSharp.Syntax.PropertyDeclarationSyntax property => new[] { property.Identifier.Text },
            Microsoft.CodeAnalysis.CSharp.Syntax.BaseFieldDeclarationSyntax field => field.Declaration.Variables.Select(v => v.Identifier.Text),
            _ => throw new InvalidOperationException($"an unexpected kind of member: {m.Kind()}"),
        });

        var classMembers = types.Where(t => t.Identifier.Text == CheckBuildAgreement.TargetClass).SelectMany(Members).Except(ruleNames).ToHashSet();
        Assert.Equal(NvTrap.Compiler.Common.GeneratedNames.ClassMembers.Order(), classMembers.Order());
        var stateMembers = types.Single(t => t.Identifier.Text == NvTrap.Compiler.Common.GeneratedNames.State).Members.SelectMany(m => Members((Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax)m.Parent!)).Distinct().Except(ruleNames);
        Assert.Equal(NvTrap.Compiler.Common.GeneratedNames.StateMembers.Order(), stateMembers.Order());
        foreach (var constants in new[] { "Registers", "Groups", "FineGrainedGroups", "Filters", "Parameters" })
        {
            Assert.All(Members(types.Single(t => t.Identifier.Text == constants)), name => Assert.Contains(name, ruleNames));
        }

        // Rules' members are never named by a rule: conditions are Condition_NAME, the rest fixed.
        var rulesMembers = Members(types.Single(t => t.Identifier.Text == NvTrap.Compiler.Common.GeneratedNames.Rules));
        Assert.All(rulesMembers, name => Assert.DoesNotContain(name, ruleNames));
    }

    /// <summary>The place's text with its placeholder N (a whole word) replaced by the name.</summary>
    private static string Substitute(string text, string name) =>
        System.Text.RegularExpressions.Regex.Replace(text, @"\bN\b", name.Replace("$", "$$"));

    private static bool ContainsName(string line, string name) =>
        System.Text.RegularExpressions.Regex.IsMatch(line, @"(?<![A-Za-z0-9_])" + System.Text.RegularExpressions.Regex.Escape(name) + @"(?![A-Za-z0-9_])");
}
