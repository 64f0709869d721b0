using NvTrap.Compiler.Diagnostics;
using NvTrap.Compiler.Profiles;
using NvTrap.Compiler.Syntax;

namespace NvTrap.Compiler.Tests.Schema;

/// <summary>
/// Wrong files are rejected by the schema at the place an editor should underline, and by the
/// compiler too: the schema flags nothing the compiler would accept.
/// </summary>
public class RejectedFileTests
{
    /// <summary>A rule file with one mistake, the JSON pointer of the value at fault, and the compiler's diagnostic for it.</summary>
    public static TheoryData<string, string, string, string> RuleFileMistakes => new()
    {
        { "misspelt top-level key", "ruleset: t\ncontrolls:\n  C: { register: R, mask: A, value: A, forward: any }\n", "/controlls", "NVT002" },
        { "misspelt key in a control", "ruleset: t\ncontrols:\n  C: { register: R, msk: A, value: A, forward: any }\n", "/controls/C/msk", "NVT002" },
        { "misspelt key in a trap entry", "ruleset: t\ntraps:\n  - { group: G, sysreg: X, fitler: F }\n", "/traps/0/fitler", "NVT002" },
        { "behaviour not in the enum", "ruleset: t\ncontrols:\n  C: { register: R, mask: A, value: A, forward: both }\n", "/controls/C/forward", "NVT055" },
        { "polarity not in the enum", "ruleset: t\nfine_grained_traps:\n  - { sysreg: X, bit: G.F, trap_when: on }\n", "/fine_grained_traps/0/trap_when", "NVT054" },
        { "a mapping where a list belongs", "ruleset: t\ntraps:\n  first: { group: G, sysreg: X }\n", "/traps", "NVT003" },
        { "a list where a mapping belongs", "ruleset: t\ncontrols:\n  - C\n", "/controls", "NVT003" },
        { "a flag that is not true or false", "ruleset: t\ncontrols:\n  C: { register: R, mask: A, value: A, forward: any, in_host_el0: yes }\n", "/controls/C/in_host_el0", "NVT003" },
        { "a quoted-looking number where an integer belongs", "ruleset: t\nparameters:\n  p: { default: ten, range: 0..31 }\n", "/parameters/p/default", "NVT003" },
        { "generic encoding with op0 out of range", "ruleset: t\ntraps:\n  - { group: G, sysreg: S4_0_C1_C0_0 }\n", "/traps/0/sysreg", "NVT020" },
        { "generic encoding with CRm out of range", "ruleset: t\nsysregs:\n  X: S3_0_C1_C16_0\n", "/sysregs/X", "NVT020" },
        { "encoding list with op1 out of range", "ruleset: t\ntraps:\n  - { group: G, sysreg: [3, 8, 1, 0, 0] }\n", "/traps/0/sysreg", "NVT020" },
        { "encoding list of four fields", "ruleset: t\ntraps:\n  - { group: G, sysreg: [3, 0, 1, 0] }\n", "/traps/0/sysreg", "NVT022" },
        { "encoding that is no name", "ruleset: t\ntraps:\n  - { group: G, sysreg: SCTLR-EL1 }\n", "/traps/0/sysreg", "NVT022" },
        { "range of one encoding", "ruleset: t\ntraps:\n  - { group: G, range: [S3_0_C1_C0_0] }\n", "/traps/0/range", "NVT003" },
        { "two target keys in one trap", "ruleset: t\ntraps:\n  - { group: G, sysreg: X, range: [X, Y] }\n", "/traps/0", "NVT009" },
        { "a trap with no target", "ruleset: t\ntraps:\n  - { group: G }\n", "/traps/0", "NVT005" },
        { "a control without its register", "ruleset: t\ncontrols:\n  C: { mask: A, value: A, forward: any }\n", "/controls/C", "NVT005" },
        { "a condition with when and csharp", "ruleset: t\nconditions:\n  K: { forward: read, when: \"el == 1\", csharp: IsTrapped }\n", "/conditions/K", "NVT009" },
        { "a fine-grained group with both and read", "ruleset: t\nfine_grained:\n  G: { both: R, read: R }\n", "/fine_grained/G", "NVT009" },
        { "a bit past 63", "ruleset: t\nregisters:\n  R: { fields: { F: 64 } }\n", "/registers/R/fields/F", "NVT056" },
        { "a bit range of three numbers", "ruleset: t\nregisters:\n  R: { res0: [[63, 60, 1]] }\n", "/registers/R/res0", "NVT003" },
        { "a fine-grained bit with a colon", "ruleset: t\nfine_grained_traps:\n  - { sysreg: X, bit: \"G:F\", trap_when: set }\n", "/fine_grained_traps/0/bit", "NVT003" },
        { "a fine-grained bit number that is no integer", "ruleset: t\nfine_grained_traps:\n  - { sysreg: X, bit: \"G[x]\", trap_when: set }\n", "/fine_grained_traps/0/bit", "NVT003" },
        { "a range written with a dash", "ruleset: t\nparameters:\n  p: { default: 1, range: 0-31 }\n", "/parameters/p/range", "NVT003" },
        { "a name starting with a digit", "ruleset: t\ncontrols:\n  1C: { register: R, mask: A, value: A, forward: any }\n", "/controls/1C", "NVT008" },
        { "a definition named null", "ruleset: t\nfilters:\n  \"null\": \"el == 1\"\n", "/filters/null", "NVT008" },
        { "a family without its encoding", "ruleset: t\nsysregs:\n  DBGBVR<n>_EL1: { n: 0..15 }\n", "/sysregs/DBGBVR<n>_EL1", "NVT005" },
        { "a family with a stray key", "ruleset: t\nsysregs:\n  DBGBVR<n>_EL1: { n: 0..15, m: 0..1, encoding: [2, 0, 0, n, 4] }\n", "/sysregs/DBGBVR<n>_EL1", "NVT002" },
        { "a ruleset name with a space", "ruleset: my rules\n", "/ruleset", "NVT008" },
        { "no ruleset", "registers:\n  R:\n", "", "NVT005" },
        { "an empty expression", "ruleset: t\nfilters:\n  F: \"\"\n", "/filters/F", "NVT060" },
        { "an expression with a character no expression holds", "ruleset: t\nfilters:\n  F: \"HCRX_EL2.FGTnXS; el\"\n", "/filters/F", "NVT060" },
        { "a family field that is no expression", "ruleset: t\nsysregs:\n  R<n>_EL1: { n: 0..3, encoding: [3, 0, 1, \"n % 2\", 0] }\n", "/sysregs/R<n>_EL1/encoding/3", "NVT060" },
    };

    [Theory]
    [MemberData(nameof(RuleFileMistakes))]
    public void A_wrong_rule_file_is_rejected_by_schema_and_compiler_at_the_value_at_fault(string mistake, string yaml, string pointer, string diagnostic)
    {
        var errors = SchemaValidator.Rules.Validate(yaml);
        Assert.True(errors.Any(e => e.Location == pointer), $"{mistake}: no schema error at '{pointer}'; errors:\n{string.Join("\n", errors)}");
        Assert.All(errors, e => Assert.True(OnThePath(e.Location, pointer), $"{mistake}: error away from '{pointer}': {e}"));

        var diagnostics = new List<RuleDiagnostic>();
        RuleFileParser.Parse("t.nvtrap.yaml", yaml, diagnostics);
        Assert.True(diagnostics.Any(d => d.IsError && d.Id == diagnostic), $"{mistake}: the parser did not report {diagnostic}: {string.Join("; ", diagnostics)}");
    }

    /// <summary>
    /// An error at the value at fault, inside it, or at a mapping that holds it (a misspelt key is
    /// also a required key missing from its mapping), but never at a sibling.
    /// </summary>
    private static bool OnThePath(string location, string pointer) =>
        location.StartsWith(pointer, StringComparison.Ordinal) || pointer.StartsWith(location + "/", StringComparison.Ordinal) || location.Length == 0;

    private static readonly VmProfileSchema Ruleset = new("t", ["HFGRTR"], ["HCR_EL2", "CTL"], 0b01, [new ProfileParameter("nr_pmu_counters", 0, 31)]);

    public static TheoryData<string, string, string, string> VmProfileMistakes => new()
    {
        { "misspelt section", "paramters:\n  nr_pmu_counters: 4\n", "/paramters", "NVT002" },
        { "misspelt mask key", "registers:\n  HCR_EL2: { res: 0xFF }\n", "/registers/HCR_EL2/res", "NVT002" },
        { "a register entry with no mask", "registers:\n  HCR_EL2: {}\n", "/registers/HCR_EL2", "NVT005" },
        { "a hidden bit past 63", "fgu:\n  HFGRTR: [55, 64]\n", "/fgu/HFGRTR", "NVT056" },
        { "a parameter that is a word", "parameters:\n  nr_pmu_counters: many\n", "/parameters/nr_pmu_counters", "NVT003" },
        { "a list where a mapping belongs", "fgu:\n  - HFGRTR\n", "/fgu", "NVT003" },
    };

    [Theory]
    [MemberData(nameof(VmProfileMistakes))]
    public void A_wrong_vm_profile_is_rejected_by_schema_and_reader_at_the_value_at_fault(string mistake, string yaml, string pointer, string diagnostic)
    {
        var errors = SchemaValidator.VmProfile.Validate(yaml);
        Assert.True(errors.Any(e => e.Location == pointer), $"{mistake}: no schema error at '{pointer}'; errors:\n{string.Join("\n", errors)}");
        Assert.All(errors, e => Assert.True(OnThePath(e.Location, pointer), $"{mistake}: error away from '{pointer}': {e}"));

        var diagnostics = new List<RuleDiagnostic>();
        VmProfileReader.Read("vm.yaml", yaml, Ruleset, diagnostics);
        Assert.True(diagnostics.Any(d => d.IsError && d.Id == diagnostic), $"{mistake}: the reader did not report {diagnostic}: {string.Join("; ", diagnostics)}");
    }
}
