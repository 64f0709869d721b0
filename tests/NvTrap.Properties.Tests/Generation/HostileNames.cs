using System.Text;
using System.Text.RegularExpressions;
using Generated = NvTrap.Compiler.Common.GeneratedNames;
using GeneratedKind = NvTrap.Compiler.Common.NameKind;

namespace NvTrap.Properties.Tests.Generation;

/// <summary>
/// Names drawn from a hostile alphabet: C# keywords and contextual keywords, every member name the
/// generated types declare, the expression language's own words, YAML's null, Unicode letters in
/// and outside the BMP, and names around the length limit. Most are names the language accepts
/// (and the generated C# must then compile); some are names check refuses, which
/// <see cref="MayBeRefused"/> tells apart so the property can expect that refusal instead.
/// </summary>
internal static partial class HostileNames
{
    /// <summary>C# keywords, contextual keywords and undocumented keywords: fine as rule names, escaped as @name.</summary>
    public static readonly string[] Keywords =
    {
        "class", "int", "namespace", "this", "base", "default", "object", "string", "event", "operator", "params", "void", "var", "value",
        "field", "nameof", "async", "await", "dynamic", "record", "partial", "when", "get", "set", "init", "add", "remove", "yield", "file",
        "required", "scoped", "unmanaged", "notnull", "managed", "args", "_", "__", "and", "or", "not", "with", "select", "from", "let",
        "where", "extension", "allows", "__arglist", "__makeref", "__reftype", "__refvalue", "if", "return", "static", "unsafe", "fixed",
        "checked", "lock", "goto", "true", "false", "is", "as", "in", "out", "ref", "new", "sizeof", "typeof", "stackalloc", "delegate",
    };

    /// <summary>Every name the generated code declares or refers to (the user's class, its nested types and their members, object's members).</summary>
    public static readonly string[] GeneratedMembers =
    {
        "Count", "State", "Rules", "Registers", "Groups", "Filters", "Parameters", "FineGrainedGroups", "Tables", "NameTable", "Instance",
        "RulesetName", "Decide", "Explain", "DefaultVm", "LookupConfig", "ConfiguredEncodings", "ConfiguredEncodingCount", "RegisterCount",
        "GroupCount", "FineGrainedGroupCount", "FilterCount", "ParameterCount", "CurrentEl", "HasNestedVirtualization", "ReadRegister",
        "_registers", "_element0", "RegisterFile", "Read", "Bits", "Truth", "Shl", "Shr", "PopCount", "Min", "Max", "Condition_K",
        "LookupIssKey", "SanitisedRegisters", "HiddenBits", "Res0", "Res1", "Parameter", "Names", "IsHypervisorContext", "IsHostEl0",
        "FilterHolds", "EvaluateCondition", "LookupDisplacements", "LookupSlots", "DecisionListStarts", "DecisionRecords", "GroupStarts",
        "GroupRecords", "GroupKinds", "FineGrainedRegisters", "RegisterRes0", "RegisterRes1", "ParameterDefaults", "Traps", "NvTrap",
        "System", "global", "state", "vm", "encoding", "group", "filter", "register", "rules", "esr", "Equals", "GetHashCode", "ToString",
        "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals", "TState", "TVm", "Unsafe", "Span", "ReadOnlySpan", "ulong", "uint",
    };

    /// <summary>Words the expression language gives a meaning (reserved for registers and parameters, ordinary elsewhere).</summary>
    public static readonly string[] ExpressionWords = { "el", "op0", "op1", "crn", "crm", "op2", "true", "false", "n", "popcount", "min", "max", "CRn", "EL" };

    /// <summary>Letters outside ASCII, inside and outside the BMP, which the language's identifiers do not take.</summary>
    public static readonly string[] Unicode = { "Régistre", "名前", "𝒳𝒴", "𐐀𐐨𐐯", "Ωmega", "ǅigraph", "ß", "İ", "A\u0301", "Х_кириллица", "a𝟘" };

    private static readonly string[] Nulls = { "null", "Null", "NULL" };

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();

    /// <summary>
    /// A name for a definition of <paramref name="kind"/> not yet in <paramref name="taken"/>: usually
    /// one the language accepts, sometimes (when <paramref name="hostile"/>) one it may refuse.
    /// </summary>
    public static string Next(Draw draw, NameKind kind, ISet<string> taken, bool hostile)
    {
        for (int attempt = 0; attempt < 50; attempt++)
        {
            string name = Candidate(draw, hostile);
            if (taken.Contains(name) || (MayBeRefused(kind, name) && !(hostile && draw.OneIn(3))))
            {
                continue;
            }

            taken.Add(name);
            return name;
        }

        string fallback = "_" + taken.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + "_" + Plain(draw);
        taken.Add(fallback);
        return fallback;
    }

    private static string Candidate(Draw draw, bool hostile)
    {
        switch (draw.Below(hostile ? 11 : 8))
        {
            case 0: return draw.Pick(Keywords);
            case 1: return draw.Pick(GeneratedMembers);
            case 2: return Plain(draw) + draw.Pick(GeneratedMembers);
            case 3: return Long(draw, draw.Between(200, 256));
            case 4: return draw.Pick(Keywords) + "_" + draw.Below(100);
            case 5: return draw.Pick(new[] { "_", "__", "_0", "A", "x", "I", "l1" }) + (draw.Coin() ? string.Empty : draw.Below(10).ToString(System.Globalization.CultureInfo.InvariantCulture));
            case 6: return draw.Pick(ExpressionWords) + (draw.Coin() ? string.Empty : "_");
            case 7: return Plain(draw);
            case 8: return draw.Pick(Unicode);
            case 9: return draw.Coin() ? draw.Pick(Nulls) : draw.Pick(ExpressionWords);
            default: return Long(draw, draw.Between(257, 600));
        }
    }

    /// <summary>A plain random identifier: a letter or '_', then letters, digits and '_'.</summary>
    public static string Plain(Draw draw)
    {
        const string first = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_";
        const string rest = first + "0123456789";
        var text = new StringBuilder().Append(first[draw.Below(first.Length)]);
        int length = draw.Between(0, 12);
        for (int i = 0; i < length; i++)
        {
            text.Append(rest[draw.Below(rest.Length)]);
        }

        return text.ToString();
    }

    private static string Long(Draw draw, int length)
    {
        var text = new StringBuilder(Plain(draw));
        while (text.Length < length)
        {
            text.Append(draw.OneIn(8) ? '_' : (char)('a' + draw.Below(26)));
        }

        return text.ToString(0, length);
    }

    /// <summary>
    /// Whether check may legitimately refuse <paramref name="name"/> for a definition of
    /// <paramref name="kind"/>: not an identifier (NVT008), YAML's null (NVT008), over 256
    /// characters (NVT007), a word expressions reserve, for a register or parameter (NVT008), or a
    /// member the generated type that declares it already has (NVT016).
    /// </summary>
    public static bool MayBeRefused(NameKind kind, string name)
    {
        if (!Identifier().IsMatch(name) || Nulls.Contains(name) || name.Length > 256)
        {
            return true;
        }

        if (kind is NameKind.Register or NameKind.Parameter && NvTrap.Compiler.Binding.ExpressionScope.IsReserved(name))
        {
            return true;
        }

        GeneratedKind? generated = kind switch
        {
            NameKind.Register => GeneratedKind.Register,
            NameKind.Group => GeneratedKind.Group,
            NameKind.FineGrainedGroup => GeneratedKind.FineGrainedGroup,
            NameKind.Filter => GeneratedKind.Filter,
            NameKind.Parameter => GeneratedKind.Parameter,
            _ => null,
        };
        return generated is { } k && Generated.Collision(k, name) is not null;
    }
}
