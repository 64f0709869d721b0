using NvTrap.Kernel.Diagnostics;
using NvTrap.Kernel.Preprocessing;
using NvTrap.Kernel.SysregFile;
using NvTrap.Kernel.Tests.Infrastructure;

namespace NvTrap.Kernel.Tests.SysregFile;

public class SysregFileTests
{
    private static (SysregCatalog Catalog, DiagnosticBag Diagnostics, Preprocessor Preprocessor) Read(string text)
    {
        var diagnostics = new DiagnosticBag();
        var catalog = SysregFileReader.Read("sysreg", text.Replace("\r\n", "\n"), diagnostics);
        var preprocessor = new Preprocessor(diagnostics);
        preprocessor.Process("h", Fixtures.SysregHeader);
        preprocessor.DefineFromCommandLine("WANT_SYSREG=1", SourceLocation.None);
        preprocessor.Process("h2", "#define sys_reg(a, b, c, d, e) (((a) << 19) | ((b) << 16) | ((c) << 12) | ((d) << 8) | ((e) << 5))");
        foreach (var define in catalog.Defines)
        {
            preprocessor.Define(define.Name, define.Body, define.Location);
        }

        return (catalog, diagnostics, preprocessor);
    }

    private static ulong Macro(Preprocessor preprocessor, string name) =>
        ConstantExpression.Evaluate(preprocessor.ExpandAll(Lexer.Lex("x", name)), _ => null, out var error)?.Bits ?? throw new Xunit.Sdk.XunitException(error?.Message);

    [Fact]
    public void Fields_define_mask_shift_and_width_macros_as_the_kernel_generates_them()
    {
        var (_, diagnostics, preprocessor) = Read(Fixtures.Sysreg);
        Assert.Empty(diagnostics.Items);
        Assert.Equal(0xC000000000UL, Macro(preprocessor, "CTL_EL2_MODE"));
        Assert.Equal(0xC000000000UL, Macro(preprocessor, "CTL_EL2_MODE_MASK"));
        Assert.Equal(38UL, Macro(preprocessor, "CTL_EL2_MODE_SHIFT"));
        Assert.Equal(2UL, Macro(preprocessor, "CTL_EL2_MODE_WIDTH"));
        Assert.Equal(1UL << 12, Macro(preprocessor, "CTL_EL2_TWO"));
        Assert.Equal((3UL << 19) | (4UL << 16) | (1UL << 12) | (1UL << 8) | (4UL << 5), Macro(preprocessor, "SYS_FGTR_EL2"));
    }

    [Fact]
    public void Reserved_bits_are_computed_and_defined()
    {
        var (catalog, _, preprocessor) = Read(Fixtures.Sysreg);
        var ctl = catalog.Blocks["CTL_EL2"];
        Assert.Equal(0xFFFFFF00000001FFUL, ctl.Res0);
        Assert.Equal(1UL << 37, ctl.Res1);
        Assert.Equal(0xFFFFFF00000001FFUL, Macro(preprocessor, "CTL_EL2_RES0"));
        Assert.Equal(1UL << 37, Macro(preprocessor, "CTL_EL2_RES1"));
    }

    [Fact]
    public void A_register_with_Fields_takes_the_layout_of_its_fields_block()
    {
        var (catalog, _, preprocessor) = Read(Fixtures.Sysreg);
        var fgtr = catalog.Blocks["FGTR_EL2"];
        Assert.Equal("FGTx_EL2", fgtr.FieldsFrom);
        Assert.Equal(new[] { "nALPHA", "BETA", "GAMMA" }, catalog.FieldsOf(fgtr).Select(f => f.Name));
        Assert.Equal(0xFFFFFFFFFFFFFF1FUL, catalog.ReservedOf(fgtr).Res0);
        Assert.Equal(7UL, Macro(preprocessor, "FGTx_EL2_nALPHA_SHIFT"));
        Assert.Equal(0xFFFFFFFFFFFFFF1FUL, Macro(preprocessor, "FGTR_EL2_RES0"));
    }

    [Fact]
    public void Enum_values_become_macros()
    {
        var (_, _, preprocessor) = Read(Fixtures.Sysreg);
        Assert.Equal(1UL, Macro(preprocessor, "ALPHA_EL1_LEVEL_IMP"));
        Assert.Equal(0xFUL, Macro(preprocessor, "ALPHA_EL1_LEVEL_MASK"));
    }

    [Fact]
    public void A_prefixed_layout_is_named_with_its_prefix_and_is_not_the_registers_own()
    {
        var (catalog, diagnostics, preprocessor) = Read("Sysreg\tV_EL2\t3\t4\t12\t11\t7\nPrefix\tFEAT_X\nRes0\t63:8\nField\t7:0\tA\nEndPrefix\nRes0\t63:4\nField\t3:0\tB\nEndSysreg\n");
        Assert.Empty(diagnostics.Items);
        Assert.Equal(new[] { "B" }, catalog.Blocks["V_EL2"].Fields.Select(f => f.Name));
        Assert.Equal(0xFFFFFFFFFFFFFFF0UL, catalog.Blocks["V_EL2"].Res0);
        Assert.Equal(0xFFUL, Macro(preprocessor, "V_EL2_FEAT_X_A"));
        Assert.Equal(0xFFFFFFFFFFFFFF00UL, Macro(preprocessor, "V_EL2_FEAT_X_RES0"));
    }

    [Theory]
    [InlineData("Sysreg\tR\t3\t0\t1\n", 1, "expected Sysreg")]
    [InlineData("Sysreg\tR\t3\t0\t1\t0\t0\nField\t64\tX\nEndSysreg\n", 2, "msb")]
    [InlineData("Sysreg\tR\t3\t0\t1\t0\t0\nBogus\t1\nEndSysreg\n", 2, "unknown keyword")]
    [InlineData("Field\t1\tX\n", 1, "inside a Sysreg")]
    [InlineData("\n\nSysreg\tR\t3\t0\t1\t0\t0\n", 3, "no End line")]
    [InlineData("Sysreg\tR\t4\t0\t1\t0\t0\nField\t1\tX\nEndSysreg\n", 1, "op0 0..3")]
    [InlineData("Sysreg\tR\t3\t0\t16\t0\t0\nEndSysreg\n", 1, "CRn 0..15")]
    [InlineData("Sysreg\tR\t3\tx\t1\t0\t0\nEndSysreg\n", 1, "five decimal numbers")]
    public void Malformed_lines_are_errors_at_their_line(string text, int line, string message)
    {
        var (_, diagnostics, _) = Read(text);
        var error = Assert.Single(diagnostics.Items);
        Assert.Equal(("NVTK030", line), (error.Id, error.Location.Line));
        Assert.Contains(message, error.Message);
    }
}
