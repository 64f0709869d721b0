using System.Collections.Generic;
using NvTrap.Compiler.Syntax;

namespace NvTrap.Compiler.Binding;

/// <summary>What a group is: one register test, an OR of groups, or a piece of logic.</summary>
internal enum GroupKind
{
    Control,
    Combination,
    Condition,
}

/// <summary>A control register the rules read; <see cref="Index"/> is its slot in vCPU state.</summary>
internal sealed record BoundRegister(int Index, string Name, ushort? Encoding, IReadOnlyDictionary<string, (int Hi, int Lo)> Fields, ulong Res0, SourceSpan Span);

/// <summary>A coarse group. Ids start at 1: 0 means "no coarse group" in a packed config.</summary>
internal sealed class BoundGroup
{
    public BoundGroup(int id, string name, GroupKind kind, SourceSpan span)
    {
        Id = id;
        Name = name;
        Kind = kind;
        Span = span;
    }

    public int Id { get; }

    public string Name { get; }

    public GroupKind Kind { get; }

    public SourceSpan Span { get; }

    /// <summary>Behaviour forwarded when a control or condition matches.</summary>
    public TrapBehaviourKind Behaviour { get; set; }

    // Control
    public int Register { get; set; } = -1;

    public ulong Mask { get; set; }

    public ulong Value { get; set; }

    // Combination: member group ids, in order.
    public List<int> Members { get; } = new();

    public List<SourceSpan> MemberSpans { get; } = new();

    // Condition
    public BoundExpr? When { get; set; }

    public string? WhenText { get; set; }

    public string? CSharpMethod { get; set; }

    /// <summary>Where the <c>csharp:</c> method name is written.</summary>
    public SourceSpan? CSharpSpan { get; set; }
}

/// <summary>Read/write flags, as in the kernel's trap_behaviour.</summary>
[System.Flags]
internal enum TrapBehaviourKind
{
    None = 0,
    Read = 1,
    Write = 2,
    Any = 3,
}

/// <summary>A fine-grained group; <see cref="Id"/> is 1-based (0 means "none" in a packed config).</summary>
internal sealed record BoundFineGrainedGroup(int Id, string Name, int ReadRegister, int WriteRegister, SourceSpan Span);

/// <summary>A coarse entry: a group over an inclusive range of packed encodings.</summary>
internal sealed record CoarseEntry(ushort First, ushort Last, int Group, bool IsRange, SourceSpan Span);

/// <summary>A fine-grained entry: an encoding range, its group's bit and the polarity that traps.</summary>
internal sealed record FineGrainedEntry(ushort First, ushort Last, int FineGrainedGroup, int Bit, bool TrapWhenSet, string BitName, bool IsRange, SourceSpan Span);

/// <summary>A catalogue name and its encoding.</summary>
internal sealed record CatalogueEntry(string Name, ushort Encoding, SourceSpan Span);

/// <summary>One ruleset with every name resolved, gathered from all its files.</summary>
internal sealed class BoundRuleset
{
    public BoundRuleset(string name) => Name = name;

    public string Name { get; }

    public List<string> Files { get; } = new();

    public List<BoundRegister> Registers { get; } = new();

    /// <summary>Groups by id - 1.</summary>
    public List<BoundGroup> Groups { get; } = new();

    /// <summary>Fine-grained groups by id - 1.</summary>
    public List<BoundFineGrainedGroup> FineGrainedGroups { get; } = new();

    public List<CoarseEntry> CoarseEntries { get; } = new();

    public List<FineGrainedEntry> FineGrainedEntries { get; } = new();

    public List<CatalogueEntry> Catalogue { get; } = new();

    /// <summary>Group names referenced by traps (for the unused-group warning).</summary>
    public HashSet<int> TrappedGroups { get; } = new();

    // Name indexes, so binding a large ruleset is not quadratic in its groups and registers.
    private readonly Dictionary<string, BoundRegister> _registersByName = new(System.StringComparer.Ordinal);
    private readonly Dictionary<string, BoundGroup> _groupsByName = new(System.StringComparer.Ordinal);

    public void AddRegister(BoundRegister register)
    {
        Registers.Add(register);
        _registersByName[register.Name] = register;
    }

    public void AddGroup(BoundGroup group)
    {
        Groups.Add(group);
        _groupsByName[group.Name] = group;
    }

    public BoundRegister? FindRegister(string name) => _registersByName.TryGetValue(name, out var register) ? register : null;

    public BoundGroup? FindGroup(string name) => _groupsByName.TryGetValue(name, out var group) ? group : null;
}
