using NvTrap.Compiler.Common;
using NvTrap.Compiler.Diagnostics;

namespace NvTrap.Properties.Tests.Infrastructure;

/// <summary>
/// Every diagnostic is located in a rule file it was given: its path is one of the files, its
/// lines and columns lie inside that file's text, its offsets too, and its start offset is the
/// place its line and column name (an editor squiggles the offsets, a person reads the line).
/// </summary>
internal static class Located
{
    public static void Check(IReadOnlyList<RuleFile> files, Dictionary<string, TextLines> lines, RuleDiagnostic diagnostic)
    {
        Span(files, lines, diagnostic, diagnostic.Span, "span");
        if (diagnostic.Related is { } related)
        {
            Span(files, lines, diagnostic, related, "related span");
        }
    }

    private static void Span(IReadOnlyList<RuleFile> files, Dictionary<string, TextLines> lines, RuleDiagnostic diagnostic, SourceSpan span, string what)
    {
        var file = files.FirstOrDefault(f => f.Path == span.Path)
            ?? throw new PropertyFailure($"unlocated:{diagnostic.Id}:path", $"the {what} names '{span.Path}', which is not a rule file: {diagnostic.ToDisplayString()}");
        if (!lines.TryGetValue(file.Path, out var text))
        {
            lines[file.Path] = text = new TextLines(file.Text);
        }

        bool inside = span.StartLine >= 1 && span.StartLine <= text.Count && span.StartColumn >= 1 && span.StartColumn <= text.Length(span.StartLine) + 1
            && span.EndLine >= span.StartLine && span.EndLine <= text.Count && span.EndColumn >= 1 && span.EndColumn <= text.Length(span.EndLine) + 1
            && span.StartOffset >= 0 && span.StartOffset <= span.EndOffset && span.EndOffset <= file.Text.Length;
        if (!inside)
        {
            throw new PropertyFailure($"unlocated:{diagnostic.Id}:outside",
                $"the {what} ({span.StartLine},{span.StartColumn})-({span.EndLine},{span.EndColumn}) [{span.StartOffset}..{span.EndOffset}] is outside {span.Path} ({text.Count} lines, {file.Text.Length} characters): {diagnostic.ToDisplayString()}");
        }

        var (line, column) = text.At(span.StartOffset);
        if ((line, column) != (span.StartLine, span.StartColumn))
        {
            throw new PropertyFailure($"unlocated:{diagnostic.Id}:offset",
                $"the {what} says ({span.StartLine},{span.StartColumn}) but its offset {span.StartOffset} is ({line},{column}): {diagnostic.ToDisplayString()}");
        }
    }
}
