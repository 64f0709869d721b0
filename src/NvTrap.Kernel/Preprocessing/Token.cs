using System.Collections.Immutable;
using NvTrap.Kernel.Diagnostics;

namespace NvTrap.Kernel.Preprocessing;

/// <summary>The kinds of preprocessing token the importer distinguishes.</summary>
internal enum TokenKind
{
    Identifier,
    Number,
    String,
    Character,
    Punctuator,
    /// <summary>A character C gives no meaning outside strings (a stray <c>\</c>, <c>@</c>): harmless until a parser meets it.</summary>
    Other,
}

/// <summary>
/// A preprocessing token. <see cref="SourceFrom"/>..<see cref="SourceTo"/> is the range of tokens
/// of the file as written that produced it: the token itself, or the whole macro invocation its
/// expansion came from. The importer reads an initializer's spelling and line from that range,
/// so every table entry keeps the kernel line it was written on.
/// </summary>
internal sealed class Token
{
    public Token(TokenKind kind, string text, SourceLocation location, bool startsLine, bool leadingSpace, int sourceFrom, int sourceTo, ImmutableHashSet<string>? hideSet = null)
    {
        Kind = kind;
        Text = text;
        Location = location;
        StartsLine = startsLine;
        LeadingSpace = leadingSpace;
        SourceFrom = sourceFrom;
        SourceTo = sourceTo;
        HideSet = hideSet ?? ImmutableHashSet<string>.Empty;
    }

    public TokenKind Kind { get; }

    public string Text { get; }

    /// <summary>Where this token's characters were written (for a token from a macro body: in the #define).</summary>
    public SourceLocation Location { get; }

    /// <summary>First token of a logical line: a '#' here starts a directive.</summary>
    public bool StartsLine { get; }

    public bool LeadingSpace { get; }

    public int SourceFrom { get; }

    public int SourceTo { get; }

    /// <summary>Macros this token may no longer expand (C's rule against recursive expansion).</summary>
    public ImmutableHashSet<string> HideSet { get; }

    public bool Is(string punctuator) => Kind == TokenKind.Punctuator && Text == punctuator;

    public bool IsIdentifier(string name) => Kind == TokenKind.Identifier && Text == name;

    public Token With(ImmutableHashSet<string> hideSet, int sourceFrom, int sourceTo, bool? leadingSpace = null) =>
        new(Kind, Text, Location, false, leadingSpace ?? LeadingSpace, sourceFrom, sourceTo, hideSet);

    public override string ToString() => Text;
}
