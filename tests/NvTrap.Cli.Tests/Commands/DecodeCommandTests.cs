using NvTrap.Cli.Tests.Infrastructure;

namespace NvTrap.Cli.Tests.Commands;

public class DecodeCommandTests
{
    [Fact]
    public void Decodes_every_field_of_an_msr_ttbr0_el1()
    {
        var result = Tool.Run("decode", "0x62300860");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        Assert.Equal(
            [
                "esr:       0x62300860",
                "ec:        0x18 (trapped MSR, MRS or System instruction)",
                "il:        1 (32-bit instruction)",
                "iss:       0x300860",
                "op0:       3",
                "op1:       0",
                "crn:       2",
                "crm:       0",
                "op2:       0",
                "rt:        3 (x3)",
                "direction: write (MSR)",
                "encoding:  S3_0_C2_C0_0",
                "name:      TTBR0_EL1",
            ],
            result.OutputLines);
    }

    [Theory]
    [InlineData("623AF401", "read (MRS)", "S3_3_C13_C0_5", "TPIDR2_EL0")]
    [InlineData("0x6232F801", "read (MRS)", "S3_3_C14_C0_1", "CNTPCT_EL0")]
    [InlineData("0X623FFFFE", "write (MSR)", "S3_7_C15_C15_7", "-")]
    public void Prints_the_direction_encoding_and_catalogue_name(string esr, string direction, string encoding, string name)
    {
        var result = Tool.Run("decode", esr);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("direction: " + direction, result.OutputLines);
        Assert.Contains("encoding:  " + encoding, result.OutputLines);
        Assert.Contains("name:      " + name, result.OutputLines);
    }

    [Fact]
    public void A_system_instruction_is_called_sys()
    {
        // DC IVAC, Xt: op0 1, op1 0, CRn 7, CRm 6, op2 1, a write.
        var esr = Esr.ForSysRegAccess(SysRegEncoding.Create(1, 0, 7, 6, 1), isRead: false, rt: 31);

        var result = Tool.Run("decode", esr.Value.ToString("X"));

        Assert.Contains("direction: write (SYS)", result.OutputLines);
        Assert.Contains("rt:        31 (xzr)", result.OutputLines);
        Assert.Contains("name:      DC_IVAC", result.OutputLines);
    }

    [Fact]
    public void An_esr_that_is_not_ec_0x18_exits_2_with_a_clear_message()
    {
        var result = Tool.Run("decode", "0x96000045");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Contains("EC 0x25 (data abort without a change of exception level), not EC 0x18", result.Error);
    }

    [Theory]
    [InlineData("0xZZ", "'0xZZ' is not hexadecimal ('Z' is not a hex digit)")]
    [InlineData("0x", "'0x' has no digits after it")]
    [InlineData("12345678901234567", "has 17 significant hex digits")]
    public void Bad_hex_is_a_usage_error_that_names_the_problem(string esr, string message)
    {
        var result = Tool.Run("decode", esr);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("nvtrap: ESR: ", result.Error);
        Assert.Contains(message, result.Error);
        Assert.Contains("Run 'nvtrap decode --help' for usage.", result.Error);
    }

    [Fact]
    public void Uses_the_catalogue_of_the_rules_given()
    {
        using var directory = new TempDirectory();
        string rules = MiniRuleset.WriteTo(directory);

        var result = Tool.Run("decode", MiniRuleset.FooWrite.Value.ToString("X"), "--rules", rules);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("name:      FOO_EL1", result.OutputLines);
    }
}
