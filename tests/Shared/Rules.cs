using NvTrap.Compiler;
using NvTrap.Compiler.Diagnostics;

namespace NvTrap.Testing;

/// <summary>Compiles YAML held in strings with the compiler core, as the CLI and generator do.</summary>
internal static class Rules
{
    public static RuleCompilation Compile(params (string Path, string Text)[] files) =>
        RuleCompiler.Compile(files.Select(f => new RuleSource(f.Path, f.Text)));

    public static IReadOnlyList<RuleDiagnostic> Diagnostics(params (string Path, string Text)[] files) =>
        Compile(files).Diagnostics;

    /// <summary>1-based column of <paramref name="token"/> on 1-based line <paramref name="line"/> of <paramref name="text"/>.</summary>
    public static int ColumnOf(string text, int line, string token)
    {
        string lineText = text.Replace("\r\n", "\n").Split('\n')[line - 1];
        int index = lineText.IndexOf(token, StringComparison.Ordinal);
        if (index < 0)
        {
            throw new ArgumentException($"'{token}' is not on line {line}: {lineText}");
        }

        return index + 1;
    }
}
