namespace NvTrap.Compiler.Tests.Binding;

/// <summary>
/// A fine-grained group that names a register the rules do not define is one error, at the
/// register's name; the group still exists, so the traps naming it add no "not a fine-grained
/// group" error each.
/// </summary>
public class FineGrainedGroupTests
{
    private const string Rules = """
        ruleset: t
        registers:
          F: { fields: { X: 3 } }
        fine_grained:
          G: { read: F, write: NOPE }
        fine_grained_traps:
          - { sysreg: S3_0_C1_C0_1, bit: G.X, trap_when: set }
          - { sysreg: S3_0_C1_C0_2, bit: "G[5]", trap_when: clear }
        """;

    [Fact]
    public void An_undefined_register_of_a_group_is_one_error_and_its_traps_add_none()
    {
        var compilation = RuleCompiler.Compile([new RuleSource("t.nvtrap.yaml", Rules)]);

        var error = Assert.Single(compilation.Diagnostics, d => d.IsError);
        Assert.StartsWith("t.nvtrap.yaml(5,24): error NVT010: 'NOPE' is not a defined register.", error.ToDisplayString());
        Assert.DoesNotContain(compilation.Diagnostics, d => d.Id == "NVT014");
    }

    [Fact]
    public void The_group_is_bound_with_the_register_it_could_not_resolve_as_minus_one()
    {
        var group = Assert.Single(RuleCompiler.Compile([new RuleSource("t.nvtrap.yaml", Rules)]).Bound.Single().FineGrainedGroups);

        Assert.Equal(("G", 0, -1), (group.Name, group.ReadRegister, group.WriteRegister));
    }
}
