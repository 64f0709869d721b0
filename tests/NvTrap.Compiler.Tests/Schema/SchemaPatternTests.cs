using System.Text.RegularExpressions;
using NvTrap.Compiler.Contract;
using NvTrap.Compiler.Diagnostics;
using NvTrap.Compiler.Syntax;

namespace NvTrap.Compiler.Tests.Schema;

/// <summary>
/// The schema's patterns match exactly what the parser's own readers accept where the parser reads
/// by code rather than by the shared pattern (integer literals, generic encoding names), checked
/// over every short string of the characters that matter, and over written cases for the rest.
/// </summary>
public class SchemaPatternTests
{
    private static IEnumerable<string> Strings(string alphabet, int maxLength)
    {
        var current = new List<string> { string.Empty };
        for (int length = 1; length <= maxLength; length++)
        {
            current = current.SelectMany(prefix => alphabet.Select(c => prefix + c)).ToList();
            foreach (string s in current)
            {
                yield return s;
            }
        }
    }

    [Fact]
    public void The_integer_pattern_matches_exactly_the_literals_the_parser_reads()
    {
        var pattern = new Regex(LanguagePatterns.IntegerLiteral, RegexOptions.CultureInvariant);
        var ecma = new Regex(LanguagePatterns.IntegerLiteral, RegexOptions.ECMAScript);
        var wrong = Strings("01_9aFbBxXg ", 5)
            .Where(s => pattern.IsMatch(s) != (IntegerLiteral.Parse(s, out _) != IntegerParse.Malformed) || pattern.IsMatch(s) != ecma.IsMatch(s))
            .Take(10).ToList();
        Assert.True(wrong.Count == 0, "pattern and parser disagree on: " + string.Join(", ", wrong.Select(w => $"'{w}'")));
    }

    [Fact]
    public void The_generic_encoding_patterns_match_exactly_the_names_the_parser_reads_as_encodings()
    {
        var shape = new Regex(LanguagePatterns.GenericEncodingShape, RegexOptions.CultureInvariant);
        var valid = new Regex(LanguagePatterns.GenericEncoding, RegexOptions.CultureInvariant);
        string[] numbers = ["0", "1", "3", "4", "7", "8", "9", "10", "15", "16", "00", "03", "007", "015", "99", "123456789012345678901"];
        var names = from s in new[] { "S", "s" }
                    from c in new[] { "C", "c" }
                    from op0 in numbers.Take(6)
                    from op1 in numbers.Where((_, i) => i % 2 == 0)
                    from crn in numbers
                    from crm in new[] { "0", "15", "16", "015" }
                    from op2 in new[] { "0", "7", "8", "07" }
                    select $"{s}{op0}_{op1}_{c}{crn}_{c}{crm}_{op2}";
        string[] others = ["S3_0_C1_C0", "S3_0_C1_C0_0_", "S3__C1_C0_0", "X3_0_C1_C0_0", "S3_0_1_C0_0", "S3_0_C1_C0_a", "S3_0_C1_C0_0x", "SCTLR_EL1", "S3_0_C1_C0_\u0660"];
        int[] starts = new int[5], lengths = new int[5];
        foreach (string name in names.Concat(others))
        {
            bool matches = GenericEncodingName.TryMatch(name, starts, lengths);
            Assert.True(matches == shape.IsMatch(name), $"shape of '{name}': parser {matches}");
            bool inRange = matches && Enumerable.Range(0, 5).All(i => GenericEncodingName.Value(name, starts[i], lengths[i]) <= (ulong)EncodingLayout.FieldMaxima[i]);
            Assert.True(inRange == valid.IsMatch(name), $"range of '{name}': parser {inRange}");
        }
    }

    /// <summary>Whether the parser reads <paramref name="scalar"/> as a fine-grained bit (its syntax, not yet whether the bit exists).</summary>
    private static bool ParserReadsBit(string scalar)
    {
        var diagnostics = new List<RuleDiagnostic>();
        RuleFileParser.Parse("t.nvtrap.yaml", $"ruleset: t\nfine_grained_non_sysreg:\n  - {{ bit: \"{scalar}\", trap_when: set }}\n", diagnostics);
        return !diagnostics.Any(d => d.IsError);
    }

    [Theory]
    [InlineData("G.F")]
    [InlineData("HFGxTR.nTPIDR2_EL0")]
    [InlineData("_G._F")]
    [InlineData("G[39]")]
    [InlineData("G[ 39 ]")]
    [InlineData("G[0x27]")]
    [InlineData("G[0b1]")]
    [InlineData("G[1_0]")]
    [InlineData("G[64]")]
    [InlineData("G[x]")]
    [InlineData("G[]")]
    [InlineData("G[-1]")]
    [InlineData("G.3F")]
    [InlineData("3G.F")]
    [InlineData("G.F.H")]
    [InlineData("G:F")]
    [InlineData("G")]
    [InlineData("G[3]x")]
    [InlineData("G[[3]]")]
    public void The_fine_grained_bit_pattern_matches_what_the_parser_reads(string scalar)
    {
        // Not covered: a number past 64 bits inside the brackets, which no pattern can bound.
        Assert.Equal(ParserReadsBit(scalar), Regex.IsMatch(scalar, LanguagePatterns.FineGrainedBit));
    }

    [Theory]
    [InlineData("0..31")]
    [InlineData("0 .. 31")]
    [InlineData("0x0..0x1F")]
    [InlineData("0b1..0b11")]
    [InlineData("1_0..2_0")]
    [InlineData("5..5")]
    [InlineData("0...1")]
    [InlineData("0-31")]
    [InlineData("..1")]
    [InlineData("0..")]
    [InlineData("a..b")]
    [InlineData("0..1..2")]
    [InlineData("0.1")]
    public void The_index_range_pattern_matches_what_the_parser_reads_as_a_range(string scalar)
    {
        var diagnostics = new List<RuleDiagnostic>();
        RuleFileParser.Parse("t.nvtrap.yaml", $"ruleset: t\nparameters:\n  p: {{ default: 5, range: {scalar} }}\n", diagnostics);
        bool parserReadsRange = !diagnostics.Any(d => d.Id == Descriptors.WrongValueType.Id);
        Assert.Equal(parserReadsRange, Regex.IsMatch(scalar, LanguagePatterns.IndexRange));
    }

    [Fact]
    public void The_expression_pattern_admits_exactly_the_characters_the_expression_lexer_reads()
    {
        // ASCII only: the lexer also reads non-ASCII letters, which can never spell a name (names
        // are ASCII), so the compiler refuses them later and the schema may refuse them at once.
        var pattern = new Regex(LanguagePatterns.ExpressionCharacters, RegexOptions.CultureInvariant);
        var ecma = new Regex(LanguagePatterns.ExpressionCharacters, RegexOptions.ECMAScript);
        for (char c = ' '; c <= '~'; c++)
        {
            // '=' is read only in pairs (==, !=, <=, >=); a character set cannot say that.
            string text = c == '=' ? "a == b" : $"a {c} b";
            var diagnostics = new List<RuleDiagnostic>();
            RuleFileParser.Parse("t.nvtrap.yaml", $"ruleset: t\nfilters:\n  F: '{text.Replace("'", "''")}'\n", diagnostics);
            bool lexerReads = !diagnostics.Any(d => d.Message.Contains("unexpected character '", StringComparison.Ordinal));
            Assert.True(lexerReads == pattern.IsMatch(text), $"'{c}': lexer reads it: {lexerReads}; pattern: {pattern.IsMatch(text)}");
            Assert.Equal(pattern.IsMatch(text), ecma.IsMatch(text));
        }
    }
}
