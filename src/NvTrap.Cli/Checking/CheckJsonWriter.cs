using System.Buffers;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NvTrap.Cli.CommandLine;
using NvTrap.Cli.Severity;

namespace NvTrap.Cli.Checking;

/// <summary>
/// <c>check --format json</c>: one object with the files checked, the rulesets, the counts and
/// every diagnostic (no cap). A diagnostic is
/// <c>{path, line, column, endLine, endColumn, id, severity, message, helpLink}</c>: lines and
/// columns count from 1 as in the text output, the end is exclusive (the column after the last
/// character), severity is error, warning or info, and helpLink is the diagnostic's page, the
/// same link the generator gives the build.
/// </summary>
internal static class CheckJsonWriter
{
    public static void Write(TextWriter output, CheckReport report)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("tool", "nvtrap");
            json.WriteString("version", VersionAction.Version);
            json.WriteStartArray("files");
            foreach (string file in report.Files)
            {
                json.WriteStringValue(file);
            }

            json.WriteEndArray();
            json.WriteStartArray("rulesets");
            foreach (string ruleset in report.Rulesets)
            {
                json.WriteStringValue(ruleset);
            }

            json.WriteEndArray();
            json.WriteStartObject("counts");
            json.WriteNumber("error", report.Errors);
            json.WriteNumber("warning", report.Warnings);
            json.WriteNumber("info", report.Info);
            json.WriteEndObject();
            json.WriteStartArray("diagnostics");
            foreach (var reported in report.Diagnostics)
            {
                var diagnostic = reported.Diagnostic;
                var span = diagnostic.Span;
                json.WriteStartObject();
                json.WriteString("path", span.Path);
                json.WriteNumber("line", span.StartLine);
                json.WriteNumber("column", span.StartColumn);
                json.WriteNumber("endLine", span.EndLine);
                json.WriteNumber("endColumn", span.EndColumn);
                json.WriteString("id", diagnostic.Id);
                json.WriteString("severity", reported.Level.OutputWord());
                json.WriteString("message", diagnostic.Message);
                json.WriteString("helpLink", DiagnosticIds.Find(diagnostic.Id)?.HelpLink);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.Write(Encoding.UTF8.GetString(buffer.WrittenSpan).ReplaceLineEndings("\n"));
        output.Write('\n');
    }
}
