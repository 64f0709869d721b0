namespace NvTrap.Compiler.Tests.Binding;

/// <summary>
/// Catalogue aliases (<c>A: B</c>) resolve whatever order they are written in, and a broken chain —
/// one that loops or ends at an unknown name — is one error where it is broken, not a second one at
/// every trap that names a member of it.
/// </summary>
public class CatalogueAliasTests
{
    private const string Head = "ruleset: t\nregisters:\n  R: { fields: { A: 0 } }\ncontrols:\n  C: { register: R, mask: A, value: A, forward: any }\n";

    private static List<string> Check(string traps, string sysregs) =>
        RuleCompiler.Compile([new RuleSource("t.nvtrap.yaml", Head + "traps:\n" + traps + "sysregs:\n" + sysregs)])
            .Diagnostics.Select(d => d.ToDisplayString()).ToList();

    [Fact]
    public void A_chain_resolves_when_an_alias_comes_before_what_it_names()
    {
        var diagnostics = Check("  - { group: C, sysregs: [A1] }\n", "  A1: B1\n  B1: SCTLR_EL1\n  SCTLR_EL1: S3_0_C1_C0_0\n");

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void A_cycle_is_one_error_naming_its_members_and_traps_naming_them_add_none()
    {
        var diagnostics = Check("  - { group: C, sysregs: [X1, Y1] }\n", "  X1: Y1\n  Y1: Z1\n  Z1: X1\n");

        Assert.Equal(["t.nvtrap.yaml(9,3): error NVT026: Catalogue aliases form a cycle: X1 -> Y1 -> Z1 -> X1; no name in it has an encoding. Give one of them an encoding (S3_0_C1_C0_0)."], diagnostics);
    }

    [Fact]
    public void A_chain_ending_at_an_unknown_name_is_reported_there_only()
    {
        var diagnostics = Check("  - { group: C, sysregs: [A1, B1] }\n", "  A1: B1\n  B1: NOPE\n");

        Assert.Single(diagnostics);
        Assert.StartsWith("t.nvtrap.yaml(10,7): error NVT013: 'NOPE' is not in the system-register catalogue.", diagnostics[0]);
    }

    [Fact]
    public void A_name_that_is_no_alias_at_all_is_still_reported_at_the_trap()
    {
        var diagnostics = Check("  - { group: C, sysregs: [NOPE] }\n", "  A1: S3_0_C1_C0_0\n");

        Assert.Single(diagnostics);
        Assert.StartsWith("t.nvtrap.yaml(7,27): error NVT013: 'NOPE' is not in the system-register catalogue.", diagnostics[0]);
    }
}
