using System.Collections.Generic;
using NvTrap.Kernel.Preprocessing;

namespace NvTrap.Kernel.Parsing;

/// <summary>An initializer: an expression, or a braced list.</summary>
internal abstract record CInitializer(Token First);

/// <summary>An expression initializer, as macro-expanded tokens.</summary>
internal sealed record CExpression(Token First, IReadOnlyList<Token> Tokens) : CInitializer(First);

/// <summary>A braced initializer list.</summary>
internal sealed record CInitializerList(Token First, IReadOnlyList<CInitializerItem> Items) : CInitializer(First);

/// <summary>
/// One element of an initializer list, with its designators (<c>.field =</c>, <c>[index] =</c>).
/// <see cref="Tokens"/> is every token of the element, designators included, for its spelling.
/// </summary>
internal sealed record CInitializerItem(IReadOnlyList<CDesignator> Designators, CInitializer Value, IReadOnlyList<Token> Tokens);

/// <summary>A designator: a member name, or an index expression.</summary>
internal sealed record CDesignator(string? Member, IReadOnlyList<Token>? Index);

/// <summary>An enumerator: a name and its explicit value's tokens, if written. A null name is an element that is no enumerator (an unknown macro's use).</summary>
internal sealed record CEnumerator(string? Name, IReadOnlyList<Token>? Value, Token At);

/// <summary>An enum definition.</summary>
internal sealed record CEnum(string Name, IReadOnlyList<CEnumerator> Enumerators, Token At);

/// <summary>A variable defined with an initializer (the trap tables).</summary>
internal sealed record CVariable(string Name, CInitializer Initializer, Token At);

/// <summary>The enums and initialized variables of one translation unit or header.</summary>
internal sealed class CUnit
{
    public List<CEnum> Enums { get; } = new();

    public List<CVariable> Variables { get; } = new();
}
