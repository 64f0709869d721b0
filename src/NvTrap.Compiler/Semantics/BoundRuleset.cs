using System.Collections.Generic;
using NvTrap.Compiler.Common;
using NvTrap.Compiler.Contract;

namespace NvTrap.Compiler.Semantics;

/// <summary>
/// A control register the rules read; <see cref="Index"/> is its slot in vCPU state. A sanitised
/// register (one that declares RES0 or RES1 bits) is read as <c>(value &amp; ~res0) | res1</c>
/// with the VM's masks, these being the defaults.
/// </summary>
internal sealed record BoundRegister(int Index, string Name, ushort? Encoding, IReadOnlyDictionary<string, (int Hi, int Lo)> Fields, ulong Res0, ulong Res1, bool IsSanitised, SourceSpan Span);

/// <summary>
/// A coarse group: exactly one of a control, a combination or a condition. Ids start at 1 (0
/// means "no coarse group" in a packed config) and follow the kernel's order: every control,
/// then every combination, then every condition.
/// </summary>
internal abstract record BoundGroup(int Id, string Name, SourceSpan Span)
{
    public abstract RuleGroupKind Kind { get; }
}

/// <summary>Forwards <see cref="Behaviour"/> when <c>(register &amp; Mask) == Value</c>.</summary>
internal sealed record BoundControl(int Id, string Name, SourceSpan Span, int Register, ulong Mask, ulong Value, TrapBehaviour Behaviour) : BoundGroup(Id, Name, Span)
{
    public override RuleGroupKind Kind => RuleGroupKind.Control;
}

/// <summary>Forwards what any member forwards; members are controls or conditions (checked), by id, in order.</summary>
internal sealed record BoundCombination(int Id, string Name, SourceSpan Span, EquatableArray<CombinationMember> Members) : BoundGroup(Id, Name, Span)
{
    public override RuleGroupKind Kind => RuleGroupKind.Combination;
}

/// <summary>A member of a combination and where the combination names it.</summary>
internal sealed record CombinationMember(int Group, SourceSpan Span);

/// <summary>Forwards <see cref="Behaviour"/> when its logic holds; <see cref="Logic"/> is null when it did not bind.</summary>
internal sealed record BoundCondition(int Id, string Name, SourceSpan Span, TrapBehaviour Behaviour, ConditionLogic? Logic) : BoundGroup(Id, Name, Span)
{
    public override RuleGroupKind Kind => RuleGroupKind.Condition;
}

/// <summary>How a condition decides: an expression of the rules, or a C# method the user writes.</summary>
internal abstract record ConditionLogic;

/// <summary>A <c>when:</c> expression and its text as written.</summary>
internal sealed record ExpressionLogic(BoundExpr Expression, string Text) : ConditionLogic;

/// <summary>A <c>csharp:</c> method of the partial class, and where the rules name it.</summary>
internal sealed record CSharpLogic(string Method, SourceSpan Span) : ConditionLogic;

/// <summary>A fine-grained group; <see cref="Id"/> is 1-based (0 means "none" in a packed config).</summary>
/// <remarks><see cref="ReadRegister"/> or <see cref="WriteRegister"/> is -1 when the rules name a register that is not defined (an error).</remarks>
internal sealed record BoundFineGrainedGroup(int Id, string Name, int ReadRegister, int WriteRegister, SourceSpan Span);

/// <summary>A coarse entry: a group over an inclusive range of packed encodings.</summary>
internal sealed record CoarseEntry(ushort First, ushort Last, int Group, bool IsRange, SourceSpan Span);

/// <summary>
/// A fine-grained entry: an encoding range, its group's bit, the polarity that traps, and the
/// filter (id, 0 for none) that may switch it off.
/// </summary>
internal sealed record FineGrainedEntry(ushort First, ushort Last, int FineGrainedGroup, int Bit, bool TrapWhenSet, int Filter, string BitName, bool IsRange, SourceSpan Span);

/// <summary>A fine-grained bit that traps something other than a system-register access, for the completeness check.</summary>
internal sealed record NonSysregBit(int FineGrainedGroup, int Bit, bool TrapWhenSet, string BitName, SourceSpan Span);

/// <summary>A fine-grained filter; <see cref="Id"/> is 1-based (0 means "none" in a packed config).</summary>
internal sealed record BoundFilter(int Id, string Name, ExpressionLogic? When, SourceSpan Span);

/// <summary>A named VM parameter: its index in a VM profile, its default and its inclusive range.</summary>
internal sealed record BoundParameter(int Index, string Name, ulong Default, ulong Min, ulong Max, SourceSpan Span);

/// <summary>
/// The ruleset's context tests. <see cref="HostEl0"/> is null when the ruleset has no host EL0
/// (every hypervisor context is handled locally); <see cref="Span"/> is null when the ruleset
/// gives no context, and the hypervisor context is then virtual EL2 alone.
/// </summary>
internal sealed record BoundContext(ExpressionLogic Hypervisor, ExpressionLogic? HostEl0, SourceSpan? Span)
{
    /// <summary>The hypervisor context of a ruleset that gives none: virtual EL2.</summary>
    public static BoundContext Default { get; } = new(
        new ExpressionLogic(new BoundBinary(Syntax.BinaryOperator.Equal, new BoundExceptionLevel(), new BoundConstant(2)), "el == 2"),
        null,
        null);
}

/// <summary>
/// A catalogue name and its encoding; <see cref="Family"/> is set for a name an indexed family
/// defines, so checks can tell a family trapped whole from one trapped in part.
/// </summary>
internal sealed record CatalogueEntry(string Name, ushort Encoding, SourceSpan Span, FamilyMember? Family = null);

/// <summary>
/// Where a catalogue name stands in its indexed family: the family as written
/// (<c>DBGBVR&lt;n&gt;_EL1</c>), the name's index, and the family's inclusive index range.
/// </summary>
internal sealed record FamilyMember(string Family, ulong Index, ulong Low, ulong High);

/// <summary>One ruleset with every name resolved, gathered from all its files.</summary>
internal sealed class BoundRuleset
{
    private readonly Dictionary<string, BoundRegister> _registersByName = new(System.StringComparer.Ordinal);
    private readonly Dictionary<string, BoundGroup> _groupsByName = new(System.StringComparer.Ordinal);

    public BoundRuleset(
        string name,
        IReadOnlyList<string> files,
        IReadOnlyList<BoundRegister> registers,
        IReadOnlyList<BoundGroup> groups,
        IReadOnlyList<BoundFineGrainedGroup> fineGrainedGroups,
        IReadOnlyList<CoarseEntry> coarseEntries,
        IReadOnlyList<FineGrainedEntry> fineGrainedEntries,
        IReadOnlyList<CatalogueEntry> catalogue,
        IReadOnlyCollection<int> trappedGroups,
        BoundContext? context = null,
        IReadOnlyList<BoundParameter>? parameters = null,
        IReadOnlyList<BoundFilter>? filters = null,
        IReadOnlyList<NonSysregBit>? nonSysregBits = null,
        IReadOnlyCollection<int>? emptyTrapGroups = null)
    {
        TrappedGroups = trappedGroups;
        EmptyTrapGroups = emptyTrapGroups ?? System.Array.Empty<int>();
        Context = context ?? BoundContext.Default;
        Parameters = parameters ?? System.Array.Empty<BoundParameter>();
        Filters = filters ?? System.Array.Empty<BoundFilter>();
        NonSysregBits = nonSysregBits ?? System.Array.Empty<NonSysregBit>();
        Name = name;
        Files = files;
        Registers = registers;
        Groups = groups;
        FineGrainedGroups = fineGrainedGroups;
        CoarseEntries = coarseEntries;
        FineGrainedEntries = fineGrainedEntries;
        Catalogue = catalogue;
        foreach (var register in registers)
        {
            _registersByName[register.Name] = register;
        }

        foreach (var group in groups)
        {
            _groupsByName[group.Name] = group;
        }
    }

    public string Name { get; }

    public IReadOnlyList<string> Files { get; }

    public IReadOnlyList<BoundRegister> Registers { get; }

    /// <summary>Groups by id - 1.</summary>
    public IReadOnlyList<BoundGroup> Groups { get; }

    /// <summary>Fine-grained groups by id - 1.</summary>
    public IReadOnlyList<BoundFineGrainedGroup> FineGrainedGroups { get; }

    public IReadOnlyList<CoarseEntry> CoarseEntries { get; }

    public IReadOnlyList<FineGrainedEntry> FineGrainedEntries { get; }

    public IReadOnlyList<CatalogueEntry> Catalogue { get; }

    /// <summary>The ruleset's context tests.</summary>
    public BoundContext Context { get; }

    /// <summary>Named VM parameters by index.</summary>
    public IReadOnlyList<BoundParameter> Parameters { get; }

    /// <summary>Fine-grained filters by id - 1.</summary>
    public IReadOnlyList<BoundFilter> Filters { get; }

    /// <summary>Fine-grained bits that trap something other than a system-register access.</summary>
    public IReadOnlyList<NonSysregBit> NonSysregBits { get; }

    /// <summary>Ids of the groups some trap entry names, whether or not its encodings resolved (for the unused-group warning).</summary>
    public IReadOnlyCollection<int> TrappedGroups { get; }

    /// <summary>Ids of the groups named by a trap that lists no encoding (<c>sysregs: []</c>), which traps nothing with them.</summary>
    public IReadOnlyCollection<int> EmptyTrapGroups { get; }

    public BoundRegister? FindRegister(string name) => _registersByName.TryGetValue(name, out var register) ? register : null;

    public BoundGroup? FindGroup(string name) => _groupsByName.TryGetValue(name, out var group) ? group : null;

    public BoundGroup GroupById(int id) => Groups[id - 1];
}
