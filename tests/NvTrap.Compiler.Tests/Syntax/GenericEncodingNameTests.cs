using NvTrap.Compiler.Syntax;

namespace NvTrap.Compiler.Tests.Syntax;

public class GenericEncodingNameTests
{
    [Theory]
    [InlineData("S3_0_C1_C0_0", new ulong[] { 3, 0, 1, 0, 0 })]
    [InlineData("s3_4_c12_c15_7", new ulong[] { 3, 4, 12, 15, 7 })]
    [InlineData("S03_00_C001_C0_12", new ulong[] { 3, 0, 1, 0, 12 })]
    [InlineData("S9_99_C999_C99999_99999999999999999999999", new ulong[] { 9, 99, 999, 99999, ulong.MaxValue })]
    public void Names_match_with_their_fields(string text, ulong[] fields)
    {
        var starts = new int[5];
        var lengths = new int[5];
        Assert.True(GenericEncodingName.TryMatch(text, starts, lengths));
        Assert.Equal(fields, Enumerable.Range(0, 5).Select(i => GenericEncodingName.Value(text, starts[i], lengths[i])));
        Assert.Equal(text.Length, starts[4] + lengths[4]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("S")]
    [InlineData("S3_0_C1_C0")]
    [InlineData("S3_0_C1_C0_")]
    [InlineData("S3_0_C1_C0_0 ")]
    [InlineData(" S3_0_C1_C0_0")]
    [InlineData("S3_0_1_C0_0")]
    [InlineData("S3__C1_C0_0")]
    [InlineData("X3_0_C1_C0_0")]
    [InlineData("S3_0_C1_C0_0_1")]
    [InlineData("S3_0_C1_C0_x")]
    [InlineData("S3_0_C\u0661_C0_0")]
    [InlineData("SCTLR_EL1")]
    [InlineData("\u017F3_0_C1_C0_0")]
    public void Anything_else_does_not_match(string text)
    {
        Assert.False(GenericEncodingName.TryMatch(text, new int[5], new int[5]));
    }
}
