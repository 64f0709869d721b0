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
    public YamlScalar(string value, YamlScalarStyle style, SourceSpan span)
        : base(span)
    {
        Value = value;
        Style = style;
    }

    public string Value { get; }

    public YamlScalarStyle Style { get; }

    public bool IsPlain => Style == YamlScalarStyle.Plain;

    /// <summary>A plain empty scalar or <c>~</c>/<c>null</c>: YAML's null.</summary>
    public bool IsNull => IsPlain && (Value.Length == 0 || Value == "~" || Value == "null" || Value == "Null" || Value == "NULL");

    /// <summary>Offset of the first character of the value inside the node's span (1 for a quote).</summary>
    public int ContentOffset => Style is YamlScalarStyle.SingleQuoted or YamlScalarStyle.DoubleQuoted ? 1 : 0;

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
