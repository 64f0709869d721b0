using System;
using System.Collections.Generic;

namespace NvTrap.Compiler.Common;

/// <summary>
/// The names generated code declares, by the type that declares them: the emitter writes its
/// members with these constants, and the binder refuses a rule name that would meet one of them
/// in the same type (NVT016). A rule name becomes a C# identifier in one generated type only —
/// a register a constant of <see cref="Registers"/> and a property of <see cref="State"/>, a group
/// a constant of <see cref="Groups"/>, a C# condition a method of the user's class — so only the
/// names declared in that type can collide; everything else the generated code refers to is
/// qualified (<c>global::</c>, <c>Registers.X</c>) or prefixed (<c>Condition_X</c>).
/// </summary>
internal static class GeneratedNames
{
    // The nested types of the user's class.
    public const string State = "State";
    public const string Rules = "Rules";
    public const string Tables = "Tables";
    public const string Registers = "Registers";
    public const string Groups = "Groups";
    public const string FineGrainedGroups = "FineGrainedGroups";
    public const string Filters = "Filters";
    public const string Parameters = "Parameters";

    // Members of State besides the registers' properties.
    public const string RegisterStorage = "_registers";
    public const string RegisterFile = "RegisterFile";

    /// <summary>The prefix of the method of <see cref="Rules"/> that evaluates a condition: <c>Condition_NAME</c>.</summary>
    public const string ConditionMethodPrefix = "Condition_";

    /// <summary>
    /// The members every type has from <see cref="object"/> (and <see cref="ValueType"/>) that a
    /// member of the same name hides (Finalize, protected and special, is not hidden): a constant
    /// of a generated static class with one of these names is declared <c>new</c>, and a register
    /// may not take one, since its property would hide the method every struct has.
    /// </summary>
    public static readonly IReadOnlyCollection<string> ObjectMembers = Set(
        "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "ReferenceEquals");

    /// <summary>The members generated into the user's class (the API, the counts and the nested types).</summary>
    public static readonly IReadOnlyCollection<string> ClassMembers = Set(
        "RulesetName", "Decide", "Explain", "DefaultVm", "LookupConfig", "ConfiguredEncodingCount", "ConfiguredEncodings",
        "RegisterCount", "GroupCount", "FineGrainedGroupCount", "FilterCount", "ParameterCount",
        State, Rules, Tables, Registers, Groups, FineGrainedGroups, Filters, Parameters);

    /// <summary>The members of the generated <see cref="State"/> struct besides the registers' properties (the first three implement NvTrap.IVcpuState).</summary>
    public static readonly IReadOnlyCollection<string> StateMembers = Set(
        "HasNestedVirtualization", "CurrentEl", "ReadRegister", RegisterStorage, RegisterFile);

    /// <summary>
    /// Why a rule name cannot be used for a definition of <paramref name="kind"/>, or null when it
    /// can. <paramref name="kind"/> is one of the kinds below.
    /// </summary>
    public static string? Collision(NameKind kind, string name)
    {
        switch (kind)
        {
            case NameKind.Register:
                if (name == Registers)
                {
                    return ConstantOfClassNamed("register", Registers);
                }

                if (name == State)
                {
                    return $"each register is a property of the generated {State} struct, and C# does not allow a member named like its type";
                }

                if (Contains(StateMembers, name))
                {
                    return $"each register is a property of the generated {State} struct, which already has a member '{name}'";
                }

                return Contains(ObjectMembers, name)
                    ? $"each register is a property of the generated {State} struct, where it would hide the {name} method every struct has"
                    : null;
            case NameKind.Group:
                return name == Groups ? ConstantOfClassNamed("group", Groups) : null;
            case NameKind.FineGrainedGroup:
                return name == FineGrainedGroups ? ConstantOfClassNamed("fine-grained group", FineGrainedGroups) : null;
            case NameKind.Filter:
                return name == Filters ? ConstantOfClassNamed("filter", Filters) : null;
            case NameKind.Parameter:
                return name == Parameters ? ConstantOfClassNamed("parameter", Parameters) : null;
            case NameKind.CSharpMethod:
                return Contains(ClassMembers, name)
                    ? $"the method is declared in the ruleset's class, which already has a generated member '{name}'"
                    : null;
            default:
                return null;
        }
    }

    public static bool Contains(IReadOnlyCollection<string> names, string name) => ((HashSet<string>)names).Contains(name);

    private static string ConstantOfClassNamed(string kind, string type) =>
        $"each {kind} is a constant of the generated {type} class, and C# does not allow a member named like its class";

    private static IReadOnlyCollection<string> Set(params string[] names) => new HashSet<string>(names, StringComparer.Ordinal);
}

/// <summary>The kinds of rule names that become C# identifiers.</summary>
internal enum NameKind
{
    Register,
    Group,
    FineGrainedGroup,
    Filter,
    Parameter,
    CSharpMethod,
}
