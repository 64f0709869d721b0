using NvTrap.Cli.Tests.Infrastructure;

namespace NvTrap.Cli.Tests.Commands;

/// <summary>Malformed rows are reported as FILE:LINE with what is wrong, the other rows still decided, exit 1.</summary>
public class EvalMalformedInputTests
{
    private const string FieldsHeader = "op0\top1\tcrn\tcrm\top2\tdir\thcr_el2";

    [Fact]
    public void Every_kind_of_bad_row_is_located_and_the_good_rows_are_still_decided()
    {
        string input = string.Join('\n',
            "note\tesr\thcr_el2",              // 1
            "good\t0x62300860\t0x4000000",     // 2
            "bad hex\t0x6230086Q\t0",          // 3
            "bad register\t0x62300860\tzz",    // 4
            "too few\t0x62300860",             // 5
            "too many\t0x62300860\t0\t0",      // 6
            "no access\t\t0x4000000",          // 7
            "wide\t0x62300860\t0x10000000000000000", // 8
            "good again\t0x62300860\t0") + "\n";

        var result = Tool.RunWithInput(input, "eval");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            [
                "note\tesr\thcr_el2\tforward\treason\toutcome",
                "good\t0x62300860\t0x4000000\t1\tHCR_TVM_TRVM:HCR_TVM\tforward",
                "good again\t0x62300860\t0\t0\tnone\tlocal",
            ],
            result.OutputLines);
        Assert.Equal(
            [
                "<stdin>:3: column esr: '0x6230086Q' is not hexadecimal ('Q' is not a hex digit); give a value such as 0x4000000 or 4000000.",
                "<stdin>:4: column hcr_el2: 'zz' is not hexadecimal ('z' is not a hex digit); give a value such as 0x4000000 or 4000000.",
                "<stdin>:5: 2 fields, but the header has 3 columns; fields are separated by tabs (leave a field empty, or write -, for none).",
                "<stdin>:6: more fields than the header's 3 columns; fields are separated by tabs.",
                "<stdin>:7: column esr is empty; give the ESR in hex.",
                "<stdin>:8: column hcr_el2: '0x10000000000000000' has 17 significant hex digits; a 64-bit value has at most 16.",
                "<stdin>: 6 malformed rows left out of the output (2 rows decided).",
            ],
            result.ErrorLines);
    }

    [Fact]
    public void Field_rows_report_a_missing_dir_and_bad_fields()
    {
        string input = string.Join('\n',
            FieldsHeader,
            "3\t0\t2\t0\t0\t\t0x4000000",   // 2: dir missing
            "3\t0\t2\t0\t0\tX\t0",          // 3: dir not R/W
            "3\t9\t2\t0\t0\tW\t0",          // 4: op1 out of range
            "3\t0\t\t0\t0\tW\t0",           // 5: crn missing
            "3\t0\tC2\t0\t0\tW\t0",         // 6: crn not decimal
            "3\t0\t2\t0\t0\tW\t0x4000000") + "\n";

        var result = Tool.RunWithInput(input, "eval");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(2, result.OutputLines.Length);
        Assert.Equal(
            [
                "<stdin>:2: dir is missing; give R (a read, MRS) or W (a write, MSR).",
                "<stdin>:3: dir: 'X' is neither R (read) nor W (write).",
                "<stdin>:4: op1: '9' is not a decimal number in 0..7.",
                "<stdin>:5: crn is missing; give all of op0 op1 crn crm op2 dir (or leave them all empty and give esr).",
                "<stdin>:6: crn: 'C2' is not a decimal number in 0..15.",
                "<stdin>: 5 malformed rows left out of the output (1 row decided).",
            ],
            result.ErrorLines);
    }

    [Fact]
    public void Disagreeing_esr_and_fields_are_reported()
    {
        var result = Tool.RunWithInput("esr\top0\top1\tcrn\tcrm\top2\tdir\n0x62300860\t3\t0\t2\t0\t0\tR\n", "eval");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("<stdin>:2: esr 0x62300860 is a write of S3_0_C2_C0_0, but op0..dir give a read of S3_0_C2_C0_0; give one of them, or make them agree.", result.ErrorLines);
    }

    [Fact]
    public void An_empty_input_is_reported()
    {
        var result = Tool.RunWithInput("", "eval");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Equal(["<stdin>: the input is empty; its first line must be a header row such as: esr<TAB>hcr_el2"], result.ErrorLines);
    }

    [Fact]
    public void An_empty_file_is_reported_with_its_name()
    {
        using var directory = new TempDirectory();
        string path = directory.Write("empty.tsv", "");

        var result = Tool.Run("eval", path);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"{path}: the input is empty", result.Error);
    }

    [Fact]
    public void A_missing_header_is_reported()
    {
        var result = Tool.RunWithInput("0x62300860\t0x4000000\n0x62300860\t0\n", "eval");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Equal(["<stdin>:1: the first line must be a header row naming the columns, but it starts with the value '0x62300860'. Add a header such as: esr<TAB>hcr_el2 (or op0 op1 crn crm op2 dir and register columns)."], result.ErrorLines);
    }

    [Theory]
    [InlineData("name\thcr_el2", "<stdin>:1: the header names no access column: give a column esr, or columns op0 op1 crn crm op2 dir (found 'name', 'hcr_el2').")]
    [InlineData("op0\top1\tcrn\tcrm\top2\thcr_el2", "<stdin>:1: the header has op0, op1, crn, crm, op2 but not dir: give all of op0 op1 crn crm op2 dir, or none of them and an esr column.")]
    [InlineData("esr\thcr_el2\tHCR_EL2", "<stdin>:1: column 3 (HCR_EL2) repeats column 2; each of esr, op0..dir, ctx, nv and the registers may appear once.")]
    public void A_header_that_cannot_be_used_is_reported(string header, string message)
    {
        var result = Tool.RunWithInput(header + "\n0x62300860\t0\t0\n", "eval");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal([message], result.ErrorLines);
    }

    [Fact]
    public void A_very_long_line_is_rejected_without_stopping_the_run()
    {
        // Over 1 MiB of characters in one row: rejected, not buffered, and the next row still decided.
        string longRow = "0x62300860\t" + new string('0', 1_100_000);
        string input = "esr\thcr_el2\n" + longRow + "\n0x62300860\t0x4000000\n";

        var result = Tool.RunWithInput(input, "eval");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["esr\thcr_el2\tforward\treason\toutcome", "0x62300860\t0x4000000\t1\tHCR_TVM_TRVM:HCR_TVM\tforward"], result.OutputLines);
        Assert.Equal(
            [
                "<stdin>:2: the line is longer than 1,048,576 characters; the row was not read.",
                "<stdin>: 1 malformed row left out of the output (1 row decided).",
            ],
            result.ErrorLines);
    }

    [Fact]
    public void A_very_long_header_is_rejected()
    {
        var result = Tool.RunWithInput("esr\t" + new string('x', 1_100_000) + "\n0x62300860\t0\n", "eval");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["<stdin>:1: the header line is longer than 1,048,576 characters."], result.ErrorLines);
    }

    [Fact]
    public void Quoted_bad_values_are_shortened_and_control_characters_made_visible()
    {
        string junk = "\u0001" + new string('q', 100);

        var result = Tool.RunWithInput($"esr\n{junk}\n", "eval");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("'\\u0001qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq' (first 40 of 101 characters) is not hexadecimal ('\\u0001' is not a hex digit)", result.Error);
    }
}
