using System.Collections.Generic;
using NvTrap.Compiler.Common;

namespace NvTrap.Compiler.Syntax;

/// <summary>
/// A minimal YAML tree with a location on every node. Built by <see cref="YamlFrontEnd"/> from
/// parser events, so it never holds YamlDotNet objects and never contains aliases.
/// </summary>
internal abstract class YamlNode
{
    protected YamlNode(SourceSpan span) => Span = span;

    public SourceSpan Span { get; }

    /// <summary>What a user would call this node in an error message.</summary>
    public abstract string Describe();
}

internal enum YamlScalarStyle
{
    Plain,
    SingleQuoted,
    DoubleQuoted,
    Block,
}

internal sealed class YamlScalar : YamlNode
{
    private readonly string? _source;
    private ScalarPositions? _positions;

    /// <param name="value">The value, as YAML reads it.</param>
    /// <param name="style">How it is written.</param>
    /// <param name="span">Where it is written.</param>
    /// <param name="source">The whole file's text, to map offsets in the value back to it; null when there is none.</param>
    public YamlScalar(string value, YamlScalarStyle style, SourceSpan span, string? source = null)
        : base(span)
    {
        Value = value;
        Style = style;
        _source = source;
    }

    public string Value { get; }

    public YamlScalarStyle Style { get; }

    public bool IsPlain => Style == YamlScalarStyle.Plain;

    /// <summary>A plain empty scalar or <c>~</c>/<c>null</c>: YAML's null.</summary>
    public bool IsNull => IsPlain && (Value.Length == 0 || Value == "~" || Value == "null" || Value == "Null" || Value == "NULL");

    /// <summary>
    /// Where characters [<paramref name="offset"/>, <paramref name="offset"/> + <paramref name="length"/>) of
    /// the value are written: past quotes, escapes, folded lines and block indentation.
    /// </summary>
    public SourceSpan Locate(int offset, int length)
    {
        if (_source is null)
        {
            return Span;
        }

        _positions ??= ScalarPositions.For(_source, Span, Style, Value);
        return _positions.Locate(offset, length);
    }

    public override string Describe() => IsNull ? "an empty value" : IsPlain ? $"'{Quoted}'" : $"the string \"{Quoted}\"";

    private string Quoted => Diagnostics.DiagnosticText.Quote(Value);
}

internal sealed class YamlSequence : YamlNode
{
    public YamlSequence(IReadOnlyList<YamlNode> items, SourceSpan span)
        : base(span) => Items = items;

    public IReadOnlyList<YamlNode> Items { get; }

    public override string Describe() => "a list";
}

internal sealed class YamlMapping : YamlNode
{
    public YamlMapping(IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> entries, SourceSpan span)
        : base(span) => Entries = entries;

    public IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> Entries { get; }

    public override string Describe() => "a mapping";
}
