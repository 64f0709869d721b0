using System.Text;
using NvTrap.Compiler.Lowering;

namespace NvTrap.Generator.Tests.Infrastructure;

using MemberTest = NvTrap.Compiler.Contract.MemberTest;
using TableLayout = NvTrap.Compiler.Contract.TableLayout;
using RuleGroupKind = NvTrap.Compiler.Contract.RuleGroupKind;
using RuleWords = NvTrap.Compiler.Contract.RuleWords;
using EncodingLayout = NvTrap.Compiler.Contract.EncodingLayout;
using TrapConfigLayout = NvTrap.Compiler.Contract.TrapConfigLayout;

/// <summary>
/// A readable dump of a lowered ruleset's tables, for a snapshot a reviewer can check against the
/// rule file: every configured encoding with its decoded config, every decision list, every
/// group's members and the registers' RES0 masks.
/// </summary>
internal static class TableDump
{
    public static string Render(LoweredRuleset ruleset)
    {
        var tables = ruleset.Tables;
        var names = ruleset.Names;
        var text = new StringBuilder();
        text.Append("ruleset ").AppendLine(ruleset.Name);
        text.AppendLine($"lookup: {tables.LookupSlots.Count} slots, {tables.LookupDisplacements.Count(d => d != 0)} buckets displaced");
        for (int encoding = 0; encoding <= ushort.MaxValue; encoding++)
        {
            uint config = tables.Lookup(EncodingLayout.IssKey((ushort)encoding));
            if (config == 0)
            {
                continue;
            }

            text.Append("  ").Append(EncodingLayout.GenericName((ushort)encoding)).Append(": group ").Append(names.Groups[TrapConfigLayout.Group(config)]);
            if (TrapConfigLayout.FineGrainedGroup(config) is int fgt and not 0)
            {
                text.Append(", ").Append(names.FineGrainedGroups[fgt]).Append(" bit ").Append(TrapConfigLayout.Bit(config))
                    .Append(" traps when ").Append(TrapConfigLayout.Polarity(config) == 1 ? "set" : "clear");
                if (TrapConfigLayout.Filter(config) is int filter and not 0)
                {
                    text.Append(", unless filter ").Append(names.Filters[filter]).Append(" holds");
                }
            }

            text.AppendLine();
        }

        text.AppendLine("decision lists:");
        for (int group = 0; group < names.Groups.Count; group++)
        {
            foreach (bool isRead in new[] { false, true })
            {
                int list = TableLayout.DecisionLists.List(group, isRead);
                uint start = tables.DecisionListStarts[list];
                int first = (int)(start & TableLayout.DecisionLists.IndexMask);
                int end = (int)(tables.DecisionListStarts[list + 1] & TableLayout.DecisionLists.IndexMask);
                text.Append("  ").Append(names.Groups[group]).Append(isRead ? " reads" : " writes")
                    .Append((start & TableLayout.DecisionLists.HoldsCondition) != 0 ? " (holds a condition)" : string.Empty).Append(':');
                for (int i = first; i < end; i++)
                {
                    text.Append(' ').Append(Member(ruleset, tables.DecisionRecords[i]));
                }

                text.AppendLine();
            }
        }

        text.AppendLine("groups:");
        for (int group = 1; group < names.Groups.Count; group++)
        {
            text.Append("  ").Append(names.Groups[group]).Append(" (").Append(RuleWords.Of((RuleGroupKind)tables.GroupKinds[group])).Append("):");
            for (int i = tables.GroupStarts[group]; i < tables.GroupStarts[group + 1]; i++)
            {
                text.Append(' ').Append(Member(ruleset, tables.GroupRecords[i]));
            }

            text.AppendLine();
        }

        text.AppendLine("fine-grained groups:");
        for (int group = 1; group < names.FineGrainedGroups.Count; group++)
        {
            text.AppendLine($"  {names.FineGrainedGroups[group]}: reads {names.Registers[tables.FineGrainedRegisters[(group * 2) + 1]]}, writes {names.Registers[tables.FineGrainedRegisters[group * 2]]}");
        }

        text.AppendLine("registers:");
        for (int register = 0; register < names.Registers.Count; register++)
        {
            bool sanitised = (tables.SanitisedRegisters & (1u << register)) != 0;
            text.AppendLine($"  {register} {names.Registers[register]}: " + (sanitised ? $"sanitised, RES0 0x{tables.RegisterRes0[register]:X}, RES1 0x{tables.RegisterRes1[register]:X}" : "read as it is"));
        }

        text.AppendLine("parameters:");
        for (int parameter = 0; parameter < names.Parameters.Count; parameter++)
        {
            text.AppendLine($"  {parameter} {names.Parameters[parameter]}: default {tables.ParameterDefaults[parameter]}");
        }

        text.AppendLine("filters:");
        for (int filter = 1; filter < names.Filters.Count; filter++)
        {
            text.AppendLine($"  {filter} {names.Filters[filter]}: {names.FilterTexts[filter]}");
        }

        text.AppendLine($"context: hypervisor when {names.HypervisorContext}; host EL0 when {names.HostEl0 ?? "never"}");

        return text.ToString();
    }

    private static string Member(LoweredRuleset ruleset, MemberTest record) =>
        record.IsCondition
            ? $"[{ruleset.Names.Groups[record.Group]}: condition, {RuleWords.Of(record.Behaviour)}]"
            : $"[{ruleset.Names.Groups[record.Group]}: ({ruleset.Names.Registers[record.Register]} & 0x{record.Mask:X}) == 0x{record.Value:X}, {RuleWords.Of(record.Behaviour)}]";
}
