using System;
using System.Collections.Generic;
using System.Linq;
using NvTrap.Compiler.Semantics;

namespace NvTrap.Compiler.Binding;

/// <summary>
/// The names an expression may use. Conditions read registers and their fields, the VM's named
/// parameters, <c>el</c> (the exception level of the access) and the access's encoding fields;
/// context tests and filters the same except the encoding. Catalogue families use their index
/// alone (<see cref="Variable"/>).
/// </summary>
internal sealed class ExpressionScope
{
    /// <summary>The exception level of the access: 0, 1 or 2.</summary>
    public const string ExceptionLevel = "el";

    private static readonly string[] Literals = { "true", "false" };

    public ExpressionScope(IReadOnlyDictionary<string, BoundRegister> registers, IReadOnlyDictionary<string, BoundParameter> parameters, bool encodingFields)
    {
        Registers = registers;
        Parameters = parameters;
        EncodingFields = encodingFields;
    }

    private ExpressionScope(string variable)
    {
        Registers = new Dictionary<string, BoundRegister>();
        Parameters = new Dictionary<string, BoundParameter>();
        Variable = variable;
    }

    public IReadOnlyDictionary<string, BoundRegister> Registers { get; }

    public IReadOnlyDictionary<string, BoundParameter> Parameters { get; }

    /// <summary>
    /// What a message about an unknown name adds (where another ruleset defines it, or the closest
    /// candidate): the binder's, so expressions share its prepared candidates and its budget.
    /// </summary>
    public System.Func<string, IEnumerable<string>, DefinitionKind[], string> Hint { get; init; } =
        (name, candidates, _) => Diagnostics.Suggestions.DidYouMean(name, candidates);

    /// <summary>Whether the access's encoding fields (op0 ... op2) may be read.</summary>
    public bool EncodingFields { get; }

    /// <summary>A catalogue family's index variable: then the only name there is.</summary>
    public string? Variable { get; }

    /// <summary>The scope of a catalogue family's encoding fields.</summary>
    public static ExpressionScope Family(string variable) => new(variable);

    /// <summary>Whether a name already has a meaning in every expression, so no register or parameter may take it.</summary>
    public static bool IsReserved(string name) =>
        name == ExceptionLevel || Array.IndexOf(Literals, name) >= 0 || ExpressionNames.EncodingFields.Any(f => ExpressionNames.Of(f) == name);

    /// <summary>What a reserved name means, for messages.</summary>
    public static string Meaning(string name) =>
        name == ExceptionLevel ? "the access's exception level" : Array.IndexOf(Literals, name) >= 0 ? "a truth value" : "a field of the access's encoding";

    /// <summary>Every name of the scope, for "did you mean" hints.</summary>
    public IEnumerable<string> Names =>
        Variable is not null
            ? new[] { Variable }
            : Registers.Keys.Concat(Parameters.Keys).Append(ExceptionLevel).Concat(EncodingFields ? ExpressionNames.EncodingFields.Select(ExpressionNames.Of) : Enumerable.Empty<string>());
}
