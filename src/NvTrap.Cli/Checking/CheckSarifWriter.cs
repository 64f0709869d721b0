using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NvTrap.Cli.CommandLine;
using NvTrap.Cli.Severity;
using NvTrap.Compiler.Common;
using NvTrap.Compiler.Diagnostics;

namespace NvTrap.Cli.Checking;

/// <summary>
/// <c>check --format sarif</c>: a SARIF 2.1.0 log with one run, for code-scanning tools and
/// editors. The driver lists the rules the results use (id, name, title, help page, default
/// level); each result has the rule, its configured level (error, warning or note for a
/// suggestion), the message and the rule file's region. A file under the current folder is a
/// relative URI against the base id SRCROOT (the current folder, given in originalUriBaseIds);
/// a file elsewhere is an absolute file URI. Columns count UTF-16 code units from 1, and the
/// region's end column is the one after its last character, as SARIF defines it.
/// </summary>
internal static class CheckSarifWriter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    public const string BaseId = "SRCROOT";

    public static void Write(TextWriter output, CheckReport report, string baseDirectory)
    {
        var rules = report.Diagnostics.Select(d => d.Diagnostic.Id).Distinct().Order(StringComparer.Ordinal)
            .Select(id => DiagnosticIds.Find(id) ?? throw new InvalidOperationException($"no descriptor for {id}"))
            .ToList();
        var ruleIndex = rules.Select((rule, index) => (rule.Id, index)).ToDictionary(p => p.Id, p => p.index, StringComparer.Ordinal);
        string root = Path.GetFullPath(baseDirectory);

        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();

            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", "nvtrap");
            json.WriteString("version", VersionAction.Version);
            json.WriteString("informationUri", HelpLinks.RepositoryUrl);
            json.WriteStartArray("rules");
            foreach (var rule in rules)
            {
                WriteRule(json, rule);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartArray("invocations");
            json.WriteStartObject();
            json.WriteBoolean("executionSuccessful", true);
            json.WriteEndObject();
            json.WriteEndArray();

            json.WriteStartObject("originalUriBaseIds");
            json.WriteStartObject(BaseId);
            json.WriteString("uri", new Uri(Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar).AbsoluteUri);
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartArray("results");
            foreach (var reported in report.Diagnostics)
            {
                var diagnostic = reported.Diagnostic;
                json.WriteStartObject();
                json.WriteString("ruleId", diagnostic.Id);
                json.WriteNumber("ruleIndex", ruleIndex[diagnostic.Id]);
                json.WriteString("level", reported.Level.SarifLevel());
                json.WriteStartObject("message");
                json.WriteString("text", diagnostic.Message);
                json.WriteEndObject();
                json.WriteStartArray("locations");
                WriteLocation(json, diagnostic.Span, root, id: null);
                json.WriteEndArray();
                if (diagnostic.Related is { } related)
                {
                    json.WriteStartArray("relatedLocations");
                    WriteLocation(json, related, root, id: 1);
                    json.WriteEndArray();
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteString("columnKind", "utf16CodeUnits");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.Write(Encoding.UTF8.GetString(buffer.WrittenSpan).ReplaceLineEndings("\n"));
        output.Write('\n');
    }

    private static void WriteRule(Utf8JsonWriter json, RuleDiagnosticDescriptor rule)
    {
        json.WriteStartObject();
        json.WriteString("id", rule.Id);
        json.WriteString("name", Identifier(rule.Title));
        json.WriteStartObject("shortDescription");
        json.WriteString("text", rule.Title);
        json.WriteEndObject();
        json.WriteString("helpUri", rule.HelpLink);
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", DiagnosticLevels.DefaultOf(rule).SarifLevel());
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteString("category", rule.Category);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteLocation(Utf8JsonWriter json, SourceSpan span, string root, int? id)
    {
        json.WriteStartObject();
        if (id is { } number)
        {
            json.WriteNumber("id", number);
        }

        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        var (uri, relative) = ArtifactUri(span.Path, root);
        json.WriteString("uri", uri);
        if (relative)
        {
            json.WriteString("uriBaseId", BaseId);
        }

        json.WriteEndObject();
        json.WriteStartObject("region");
        json.WriteNumber("startLine", Math.Max(1, span.StartLine));
        json.WriteNumber("startColumn", Math.Max(1, span.StartColumn));
        json.WriteNumber("endLine", Math.Max(Math.Max(1, span.StartLine), span.EndLine));
        json.WriteNumber("endColumn", Math.Max(1, span.EndColumn));
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>The file as a URI relative to <paramref name="root"/> when it is under it (path segments escaped), else as an absolute file URI.</summary>
    internal static (string Uri, bool Relative) ArtifactUri(string path, string root)
    {
        string full = Path.GetFullPath(path);
        string relative = Path.GetRelativePath(root, full);
        if (Path.IsPathRooted(relative) || relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return (new Uri(full).AbsoluteUri, false);
        }

        var segments = relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Select(Uri.EscapeDataString);
        return (string.Join('/', segments), true);
    }

    /// <summary>A title as an identifier for SARIF's rule name: "Unknown group" is UnknownGroup.</summary>
    internal static string Identifier(string title)
    {
        var name = new StringBuilder();
        foreach (string word in title.Split(c => !char.IsAsciiLetterOrDigit(c)))
        {
            if (word.Length > 0)
            {
                name.Append(char.ToUpperInvariant(word[0])).Append(word.AsSpan(1));
            }
        }

        return name.ToString();
    }
}

file static class StringSplit
{
    public static IEnumerable<string> Split(this string text, Func<char, bool> isSeparator)
    {
        int start = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || isSeparator(text[i]))
            {
                yield return text[start..i];
                start = i + 1;
            }
        }
    }
}
