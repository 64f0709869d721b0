namespace NvTrap.Compiler.Common;

/// <summary>
/// Where something stands in a rule file. Lines and columns are 1-based, as YAML marks and
/// editors count them; offsets are 0-based character indices. A plain equatable record so it
/// can flow through the incremental pipeline (never a Roslyn Location).
/// </summary>
internal sealed record SourceSpan(string Path, int StartOffset, int EndOffset, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    /// <summary>A span covering a whole file's first position, for file-level problems.</summary>
    public static SourceSpan FileStart(string path) => new(path, 0, 0, 1, 1, 1, 1);

    /// <summary>A sub-span on the same line, <paramref name="offset"/> characters in.</summary>
    public SourceSpan Slice(int offset, int length)
    {
        if (StartLine != EndLine)
        {
            // Multi-line scalars cannot be mapped character by character without the raw text:
            // point at the scalar itself.
            return this;
        }

        return new SourceSpan(Path, StartOffset + offset, StartOffset + offset + length, StartLine, StartColumn + offset, StartLine, StartColumn + offset + length);
    }

    /// <summary>Prints as compilers do: <c>path(line,col)</c>.</summary>
    public string ToDisplayString() => $"{Path}({StartLine},{StartColumn})";

    public override string ToString() => ToDisplayString();
}
