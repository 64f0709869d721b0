namespace NvTrap.Kernel.Import;

/// <summary>
/// Puts a diagnostic of the rule compiler, found on a rule file the import wrote in memory, at
/// the kernel (or overlay) line that rule came from, in the compilers' <c>path(line,col)</c> form.
/// </summary>
internal static class KernelLocator
{
    /// <summary>The path prefix of the rule files an import writes in memory.</summary>
    public const string GeneratedPrefix = "<import>/";

    public static string Translate(WrittenRuleset written, string id, bool isError, string message, string path, int line, int column)
    {
        string relative = path.StartsWith(GeneratedPrefix, System.StringComparison.Ordinal) ? path.Substring(GeneratedPrefix.Length) : path;
        var origin = written.Origin(relative, line);
        string where = origin is { } o ? $"{o.Path}({o.Line},{System.Math.Max(o.Column, 1)})" : $"{relative}({line},{column})";
        string generated = origin is null ? string.Empty : $" [generated {relative}({line},{column})]";
        return $"{where}: {(isError ? "error" : "warning")} {id}: {message}{generated}";
    }
}
