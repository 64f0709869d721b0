using NvTrap.Kernel.Diagnostics;
using NvTrap.Kernel.Preprocessing;

namespace NvTrap.Kernel.Tests.Preprocessing;

public class PreprocessorTests
{
    private static (List<Token> Tokens, DiagnosticBag Diagnostics, Preprocessor Preprocessor) Run(string text, params string[] defines)
    {
        var diagnostics = new DiagnosticBag();
        var preprocessor = new Preprocessor(diagnostics);
        foreach (string define in defines)
        {
            preprocessor.DefineFromCommandLine(define, SourceLocation.None);
        }

        return (preprocessor.Process("t.c", text.Replace("\r\n", "\n")), diagnostics, preprocessor);
    }

    private static string Spell(string text, params string[] defines) => Lexer.Spell(Run(text, defines).Tokens);

    private static ulong Value(string text)
    {
        var (tokens, diagnostics, _) = Run(text);
        Assert.Empty(diagnostics.Items);
        return ConstantExpression.Evaluate(tokens, _ => null, out var error)?.Bits ?? throw new Xunit.Sdk.XunitException(error?.Message);
    }

    [Fact]
    public void Object_like_macros_defined_in_terms_of_other_macros_expand_completely()
    {
        Assert.Equal(0x4000000UL, Value("#define SHIFT 26\n#define ONE UL(1)\n#define TVM (ONE << SHIFT)\nTVM"));
    }

    [Fact]
    public void Function_like_macros_substitute_expanded_arguments()
    {
        Assert.Equal(0x30UL, Value("#define F(a, b) ((a) | (b))\n#define X 0x10\nF(X, F(0x20, 0))"));
    }

    [Fact]
    public void Stringizing_and_pasting_follow_c()
    {
        Assert.Equal("\"a + b\" HCR_EL2_TVM", Spell("#define S(x) #x\n#define P(x) HCR_EL2_##x\nS(a + b) P(TVM)"));
    }

    [Fact]
    public void Variadic_arguments_and_the_gnu_comma_deletion()
    {
        Assert.Equal("{ 1, 2, 3, 0 }", Spell("#define L(first, ...) { first, __VA_ARGS__, 0 }\nL(1, 2, 3)"));
        Assert.Equal("f(x)", Spell("#define C(fmt, ...) f(fmt, ## __VA_ARGS__)\nC(x)"));
    }

    [Fact]
    public void An_object_like_macro_may_expand_to_a_function_like_macros_name_that_takes_the_following_arguments()
    {
        Assert.Equal(0x2UL, Value("#define reg(a, b) ((a) << (b))\n#define insn reg\ninsn(1, 1)"));
    }

    [Fact]
    public void A_macro_is_not_expanded_inside_its_own_expansion()
    {
        Assert.Equal("X + 1", Spell("#define X X + 1\nX"));
    }

    [Fact]
    public void Conditionals_choose_branches_with_defined_and_constant_expressions()
    {
        const string text = "#define A 2\n#if defined(A) && A * 2 == 4\nyes\n#elif 1\nno\n#else\nnever\n#endif\n#ifndef B\nb_undefined\n#endif\n#if UNKNOWN_NAME\nunknown_is_zero\n#endif";
        Assert.Equal("yes b_undefined", Spell(text));
    }

    [Fact]
    public void Skipped_branches_may_hold_text_that_is_not_c()
    {
        var (tokens, diagnostics, _) = Run("#ifdef __ASSEMBLY__\n\t.macro m, x\n\t'unbalanced\n#error not reached\n#endif\nok");
        Assert.Empty(diagnostics.Items);
        Assert.Equal("ok", Lexer.Spell(tokens));
    }

    [Fact]
    public void Command_line_defines_select_branches_and_win_over_the_files()
    {
        Assert.Equal("on", Spell("#define COMMON 0\n#if COMMON == 1\non\n#else\noff\n#endif", "COMMON=1"));
    }

    [Fact]
    public void Undef_removes_a_macro()
    {
        Assert.Equal("A", Spell("#define A 1\n#undef A\nA"));
    }

    [Fact]
    public void An_unterminated_if_is_an_error_at_the_if()
    {
        var (_, diagnostics, _) = Run("x\n#if 1\ny\n");
        var error = Assert.Single(diagnostics.Items);
        Assert.Equal("NVTK010", error.Id);
        Assert.Equal(2, error.Location.Line);
    }

    [Fact]
    public void Error_directives_in_active_regions_are_located_errors()
    {
        var (_, diagnostics, _) = Run("#if 0\n#error skipped\n#endif\n#error stop here");
        var error = Assert.Single(diagnostics.Items);
        Assert.Equal(("NVTK011", 4), (error.Id, error.Location.Line));
        Assert.Contains("stop here", error.Message);
    }

    [Fact]
    public void An_unknown_function_like_name_in_an_if_is_an_unresolved_symbol()
    {
        var (_, diagnostics, _) = Run("\n#if IS_ON(CONFIG_X)\n#endif");
        var error = Assert.Single(diagnostics.Items);
        Assert.Equal(("NVTK020", 2), (error.Id, error.Location.Line));
        Assert.Contains("IS_ON", error.Message);
    }

    [Fact]
    public void A_macro_call_with_the_wrong_number_of_arguments_is_an_error_at_the_call()
    {
        var (_, diagnostics, _) = Run("#define F(a, b) a\n\n  F(1)");
        var error = Assert.Single(diagnostics.Items);
        Assert.Equal(("NVTK012", 3, 3), (error.Id, error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void Line_of_a_multi_line_invocation_is_the_line_of_its_macro_name()
    {
        var (tokens, _, _) = Run("#define AT(x, y) __LINE__\n\nAT(1,\n   2)");
        Assert.Equal("3", Lexer.Spell(tokens));
    }

    [Fact]
    public void Expanded_tokens_keep_the_spelling_of_the_source_they_came_from()
    {
        var (tokens, _, preprocessor) = Run("#define NV (1 << 42)\n#define NV2 (1 << 45)\nNV | NV2");
        Assert.Equal("NV | NV2", Lexer.Spell(preprocessor.Spelling(tokens)));
        Assert.Equal(new SourceLocation("t.c", 3, 6), preprocessor.Origin(tokens.Last()));
    }

    [Theory]
    [InlineData("GENMASK(7, 4)", 0xF0UL)]
    [InlineData("GENMASK_ULL(63, 56) | GENMASK(53, 51)", 0xFF38000000000000UL)]
    [InlineData("BIT_ULL(63) >> 63", 1UL)]
    [InlineData("(u32)~0", 0xFFFFFFFFUL)]
    [InlineData("-1 < 0", 1UL)]
    [InlineData("~0UL > 0", 1UL)]
    [InlineData("1 ? 2 : 3", 2UL)]
    [InlineData("0b101 + 010 + 0x10", 29UL)]
    [InlineData("1 << 3 + 1", 16UL)]
    public void Constant_expressions_compute_as_c_does(string expression, ulong expected)
    {
        Assert.Equal(expected, Value(expression));
    }

    [Fact]
    public void Binary_and_octal_literals_beyond_64_bits_are_not_numbers_rather_than_truncated()
    {
        Assert.Equal(ulong.MaxValue, ConstantExpression.ParseNumber("0b" + new string('1', 64))?.Bits);
        Assert.Null(ConstantExpression.ParseNumber("0b1" + new string('0', 64)));
        Assert.Equal(ulong.MaxValue, ConstantExpression.ParseNumber("01777777777777777777777")?.Bits);
        Assert.Null(ConstantExpression.ParseNumber("02000000000000000000000"));
        Assert.Null(ConstantExpression.ParseNumber("0b"));
        Assert.Null(ConstantExpression.ParseNumber("08"));
    }
}
