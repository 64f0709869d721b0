using System;
using System.Collections.Generic;
using System.Linq;
using NvTrap.Compiler.Binding;
using NvTrap.Compiler.Lowering;

namespace NvTrap.Cli.Interpreting;

/// <summary>
/// A lowered ruleset laid out as the arrays <see cref="InterpretedRules"/> reads: the same
/// tables the generator emits as static data (configs, groups, flattened members, fine-grained
/// groups, RES0 masks), built at run time. Configs sit in a direct 65,536-entry array rather than
/// the perfect hash: the lowerer has already proved the hash equal to that array, and a direct
/// index is the simplest lookup to trust.
/// </summary>
internal sealed class InterpretedTables
{
    private InterpretedTables(LoweredRuleset lowered)
    {
        Lowered = lowered;
        Configs = new ulong[ushort.MaxValue + 1];
        foreach (var entry in lowered.Entries)
        {
            Configs[entry.Encoding] = entry.Config;
        }

        var groups = lowered.Groups;
        MemberStarts = groups.Select(g => g.MemberStart).ToArray();
        MemberCounts = groups.Select(g => g.MemberCount).ToArray();
        Members = lowered.Members.Select(m => (int)m).ToArray();
        DecisionListStarts = lowered.Decisions.ListStarts.ToArray();
        // Built with the runtime's own record constructors rather than the compiler's packed word,
        // so the differential tests against the generated tables check that the two agree.
        DecisionMembers = lowered.Decisions.Members
            .Select(m => m.IsCondition ? MemberTest.Condition(m.Group) : MemberTest.Control(m.Group, m.Register, m.Mask, m.Value))
            .ToArray();

        // Group 0 is the "none" placeholder, exactly as in the generated Kinds table.
        Kinds = groups.Select(g => g.Id == 0 ? RuleGroupKind.None : KindOf(g.Kind)).ToArray();
        ControlRegisters = groups.Select(g => g.Register < 0 ? 0 : g.Register).ToArray();
        Masks = groups.Select(g => g.Mask).ToArray();
        Values = groups.Select(g => g.Value).ToArray();
        Behaviours = groups.Select(g => (TrapBehaviour)g.Behaviour).ToArray();
        Conditions = groups.Select(g => g.Kind == GroupKind.Condition && g.Id != 0 ? g.When : null).ToArray();
        ConditionRegisters = groups.Select(g => g.When is null ? Array.Empty<byte>() : BoundExprAnalysis.RegistersRead(g.When).Select(r => (byte)r).ToArray()).ToArray();

        // Fine-grained group ids are 1-based; slot 0 stands for "none" as in the generated tables.
        FineGrainedReadRegisters = new[] { 0 }.Concat(lowered.FineGrainedGroups.Select(f => f.ReadRegister)).ToArray();
        FineGrainedWriteRegisters = new[] { 0 }.Concat(lowered.FineGrainedGroups.Select(f => f.WriteRegister)).ToArray();
        Res0 = lowered.Registers.Select(r => r.Res0).DefaultIfEmpty(0UL).ToArray();
        HcrEl2Register = lowered.HcrRegister;

        RegisterNames = lowered.Registers.Select(r => r.Name).ToArray();
        GroupNames = groups.Select(g => g.Name).ToArray();
        FineGrainedGroupNames = new[] { "none" }.Concat(lowered.FineGrainedGroups.Select(f => f.Name)).ToArray();
        ConditionTexts = groups.Select(g => g.Kind != GroupKind.Condition || g.Id == 0 ? null : g.CSharpMethod is not null ? "csharp: " + g.CSharpMethod : g.WhenText ?? string.Empty).ToArray();

        // Several catalogue names may share an encoding: the first one defined names it, as in
        // the generated name table.
        SysRegNames = new Dictionary<ushort, string>();
        foreach (var name in lowered.Catalogue)
        {
            SysRegNames.TryAdd(name.Encoding, name.Name);
        }

        FineGrainedBitNames = lowered.Entries.Where(e => e.FineGrainedBitName is not null).ToDictionary(e => e.Encoding, e => e.FineGrainedBitName!);
        ConfiguredEncodings = lowered.Entries.Select(e => e.Encoding).ToArray();
    }

    public LoweredRuleset Lowered { get; }

    public ulong[] Configs { get; }

    /// <summary>Where each decision list starts (group * 2 + direction; bit 31: holds a condition), plus the end of the last.</summary>
    public int[] DecisionListStarts { get; }

    /// <summary>The decision table's records.</summary>
    public MemberTest[] DecisionMembers { get; }

    public int[] MemberStarts { get; }

    public int[] MemberCounts { get; }

    public int[] Members { get; }

    public RuleGroupKind[] Kinds { get; }

    public int[] ControlRegisters { get; }

    public ulong[] Masks { get; }

    public ulong[] Values { get; }

    public TrapBehaviour[] Behaviours { get; }

    /// <summary>Each condition group's bound expression; null for every other group.</summary>
    public BoundExpr?[] Conditions { get; }

    public byte[][] ConditionRegisters { get; }

    public int[] FineGrainedReadRegisters { get; }

    public int[] FineGrainedWriteRegisters { get; }

    public ulong[] Res0 { get; }

    public int HcrEl2Register { get; }

    public string[] RegisterNames { get; }

    public string[] GroupNames { get; }

    public string[] FineGrainedGroupNames { get; }

    public string?[] ConditionTexts { get; }

    public Dictionary<ushort, string> SysRegNames { get; }

    public Dictionary<ushort, string> FineGrainedBitNames { get; }

    /// <summary>Every configured encoding, ascending.</summary>
    public ushort[] ConfiguredEncodings { get; }

    /// <summary>
    /// Lays out a lowered ruleset. Every condition must be an expression: a C#-only condition
    /// exists only in generated code, and the loader rejects such rulesets before calling this.
    /// </summary>
    public static InterpretedTables Create(LoweredRuleset lowered)
    {
        var csharp = lowered.Groups.FirstOrDefault(g => g.CSharpMethod is not null);
        if (csharp is not null)
        {
            throw new ArgumentException($"Condition '{csharp.Name}' is written in C# ({csharp.CSharpMethod}) and cannot be interpreted.", nameof(lowered));
        }

        return new InterpretedTables(lowered);
    }

    private static RuleGroupKind KindOf(GroupKind kind) => kind switch
    {
        GroupKind.Control => RuleGroupKind.Control,
        GroupKind.Combination => RuleGroupKind.Combination,
        _ => RuleGroupKind.Condition,
    };
}
