using System;
using System.Collections.Generic;
using System.Linq;
using NvTrap.Cli.Commands;

namespace NvTrap.Cli.Diffing;

/// <summary>
/// What changed from one ruleset to another, item by item and field by field: encodings added,
/// removed, moved to another group or given another fine-grained bit, polarity or filter; groups
/// added, removed or changed (kind, register, mask, value, behaviour, members, condition);
/// filters, parameters, sanitised registers and the context tests. Items are compared by name,
/// encodings by encoding, in a stable order (encodings ascending, names ordinal).
/// </summary>
internal static class RulesetDiff
{
    /// <summary>The fields of an encoding that a change names (the catalogue name is not one: it is how the encoding is shown).</summary>
    private static readonly int[] EncodingFields = { 6, 7, 8, 9, 10 };

    private static readonly int[] GroupFields = { 1, 2, 3, 4, 5, 6, 7 };

    public static List<RulesetChange> Compare(RulesetListing from, RulesetListing to)
    {
        var changes = new List<RulesetChange>();
        Compare(changes, "encoding", from.Encodings, to.Encodings, TableCommand.Header, EncodingFields, ByEncoding);
        Compare(changes, "group", from.Groups, to.Groups, GroupsCommand.Header, GroupFields, StringComparer.Ordinal);
        Compare(changes, "filter", from.Filters, to.Filters, new[] { "expression" }, new[] { 0 }, StringComparer.Ordinal);
        Compare(changes, "parameter", from.Parameters, to.Parameters, new[] { "default", "range" }, new[] { 0, 1 }, StringComparer.Ordinal);
        Compare(changes, "register", from.Registers, to.Registers, new[] { "res0", "res1" }, new[] { 0, 1 }, StringComparer.Ordinal);
        Compare(changes, "context", from.Context, to.Context, new[] { "hypervisor", "host_el0" }, new[] { 0, 1 }, StringComparer.Ordinal);
        return changes;
    }

    private static void Compare(
        List<RulesetChange> changes,
        string kind,
        Dictionary<string, string[]> from,
        Dictionary<string, string[]> to,
        IReadOnlyList<string> header,
        int[] fields,
        IComparer<string> order)
    {
        foreach (string name in from.Keys.Union(to.Keys).OrderBy(n => n, order))
        {
            bool inFrom = from.TryGetValue(name, out var old);
            bool inTo = to.TryGetValue(name, out var @new);
            if (!inTo)
            {
                changes.Add(new RulesetChange(RulesetChange.Removed, kind, name, "-", Summary(old!, header, fields), "-"));
            }
            else if (!inFrom)
            {
                changes.Add(new RulesetChange(RulesetChange.Added, kind, name, "-", "-", Summary(@new!, header, fields)));
            }
            else
            {
                foreach (int field in fields.Where(f => old![f] != @new![f]))
                {
                    changes.Add(new RulesetChange(RulesetChange.Changed, kind, name, header[field], old![field], @new![field]));
                }
            }
        }
    }

    /// <summary>An item's fields as "field=value" pairs, leaving out those it does not have.</summary>
    private static string Summary(string[] row, IReadOnlyList<string> header, int[] fields) =>
        string.Join(' ', fields.Where(f => row[f] != Text.Cell.None).Select(f => $"{header[f]}={row[f]}")) is { Length: > 0 } text ? text : "-";

    /// <summary>Generic encoding names in encoding order.</summary>
    private static readonly IComparer<string> ByEncoding = Comparer<string>.Create((a, b) =>
        SysRegEncoding.Parse(a).Value.CompareTo(SysRegEncoding.Parse(b).Value));
}
