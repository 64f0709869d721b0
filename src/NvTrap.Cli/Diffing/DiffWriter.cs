using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NvTrap.Cli.Text;

namespace NvTrap.Cli.Diffing;

/// <summary>
/// Writes a diff: <c>tsv</c> one change per row (<see cref="RulesetChange.Columns"/>), <c>json</c>
/// the same as objects with a summary, <c>text</c> a summary then the changes, encodings that
/// changed alike listed together.
/// </summary>
internal static class DiffWriter
{
    public const string Text = "text";
    public const string Tsv = "tsv";
    public const string Json = "json";

    public static readonly string[] Formats = { Text, Tsv, Json };

    public static void Write(TextWriter output, string format, RulesetListing from, RulesetListing to, IReadOnlyList<RulesetChange> changes)
    {
        switch (format)
        {
            case Tsv:
                TableFormat.Write(output, TableFormat.Tsv, RulesetChange.Columns, changes.Select(c => c.Cells).ToList());
                break;
            case Json:
                WriteJson(output, from, to, changes);
                break;
            default:
                WriteText(output, from, to, changes);
                break;
        }
    }

    /// <summary>Counts per kind and change, in the order kinds appear.</summary>
    private static IEnumerable<(string Kind, int Added, int Removed, int Changed)> Summary(IReadOnlyList<RulesetChange> changes) =>
        changes.Select(c => c.Kind).Distinct().Select(kind => (
            kind,
            changes.Count(c => c.Kind == kind && c.Change == RulesetChange.Added),
            changes.Count(c => c.Kind == kind && c.Change == RulesetChange.Removed),
            changes.Where(c => c.Kind == kind && c.Change == RulesetChange.Changed).Select(c => c.Name).Distinct().Count()));

    private static void WriteText(TextWriter output, RulesetListing from, RulesetListing to, IReadOnlyList<RulesetChange> changes)
    {
        output.Write($"{from.Name} -> {to.Name}: {from.Encodings.Count} -> {to.Encodings.Count} configured encodings, {from.Groups.Count} -> {to.Groups.Count} groups\n");
        if (changes.Count == 0)
        {
            output.Write("no differences\n");
            return;
        }

        foreach (var (kind, added, removed, changed) in Summary(changes))
        {
            output.Write($"  {Plural(kind)}: {added} added, {removed} removed, {changed} changed\n");
        }

        foreach (var kind in changes.Select(c => c.Kind).Distinct())
        {
            output.Write($"\n{Plural(kind)}\n");
            var ofKind = changes.Where(c => c.Kind == kind).ToList();
            if (kind == "encoding")
            {
                // Thousands of encodings change in a few ways: each way once, with its encodings,
                // consecutive ones as a range.
                var ways = ofKind.GroupBy(c => c.Name)
                    .Select(e => (Encoding: e.Key, Way: string.Join("; ", e.Select(c => Describe(c.Change, c.Field, c.Old, c.New)))))
                    .GroupBy(e => e.Way);
                foreach (var way in ways)
                {
                    var encodings = way.Select(e => SysRegEncoding.Parse(e.Encoding).Value).OrderBy(v => v).ToList();
                    output.Write($"  {way.Key} ({encodings.Count}): {string.Join(", ", Runs(encodings).Select(r => Run(r.First, r.Last, from, to)))}\n");
                }

                continue;
            }

            foreach (var change in ofKind)
            {
                output.Write($"  {change.Name}: {Describe(change.Change, change.Field, change.Old, change.New)}\n");
            }
        }
    }

    /// <summary>Runs of consecutive encodings in an ascending list.</summary>
    private static IEnumerable<(ushort First, ushort Last)> Runs(List<ushort> encodings)
    {
        for (int i = 0; i < encodings.Count;)
        {
            int j = i;
            while (j + 1 < encodings.Count && encodings[j + 1] == encodings[j] + 1)
            {
                j++;
            }

            yield return (encodings[i], encodings[j]);
            i = j + 1;
        }
    }

    /// <summary>One encoding by name, or a run of three or more as first..last with its length.</summary>
    private static string Run(ushort first, ushort last, RulesetListing from, RulesetListing to) => (last - first) switch
    {
        0 => Named(new SysRegEncoding(first).ToString(), from, to),
        1 => Named(new SysRegEncoding(first).ToString(), from, to) + ", " + Named(new SysRegEncoding(last).ToString(), from, to),
        _ => $"{Named(new SysRegEncoding(first).ToString(), from, to)}..{Named(new SysRegEncoding(last).ToString(), from, to)} [{last - first + 1}]",
    };

    private static string Describe(string change, string field, string old, string @new) => change switch
    {
        RulesetChange.Added => $"added {@new}",
        RulesetChange.Removed => $"removed {old}",
        _ => $"{field} {old} -> {@new}",
    };

    /// <summary>An encoding with its catalogue name, from whichever ruleset names it.</summary>
    private static string Named(string encoding, RulesetListing from, RulesetListing to)
    {
        string name = to.Encodings.TryGetValue(encoding, out var row) && row[5] != Cell.None ? row[5]
            : from.Encodings.TryGetValue(encoding, out row) && row[5] != Cell.None ? row[5] : string.Empty;
        return name.Length == 0 ? encoding : $"{name} ({encoding})";
    }

    private static string Plural(string kind) => kind switch
    {
        "encoding" => "encodings",
        "group" => "groups",
        "filter" => "filters",
        "parameter" => "parameters",
        "register" => "registers",
        _ => kind,
    };

    private static void WriteJson(TextWriter output, RulesetListing from, RulesetListing to, IReadOnlyList<RulesetChange> changes)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("from", from.Name);
            json.WriteString("to", to.Name);
            json.WriteStartObject("summary");
            foreach (var (kind, added, removed, changed) in Summary(changes))
            {
                json.WriteStartObject(kind);
                json.WriteNumber("added", added);
                json.WriteNumber("removed", removed);
                json.WriteNumber("changed", changed);
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteStartArray("changes");
            foreach (var change in changes)
            {
                json.WriteStartObject();
                var cells = change.Cells;
                for (int i = 0; i < cells.Length; i++)
                {
                    json.WriteString(RulesetChange.Columns[i], cells[i]);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.Write(Encoding.UTF8.GetString(stream.ToArray()).ReplaceLineEndings("\n"));
        output.Write('\n');
    }
}
