using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using NvTrap.Compiler;
using NvTrap.Compiler.Common;
using NvTrap.Compiler.Diagnostics;
using NvTrap.Compiler.Binding;
using NvTrap.Compiler.Checking;
using NvTrap.Compiler.Emitting;
using NvTrap.Compiler.Lowering;
using NvTrap.Compiler.Syntax;

namespace NvTrap.Fuzz;

/// <summary>
/// The <c>rules</c> fuzz target: one rule file through the whole compiler, then the emitter. The
/// compiler promises that any text comes back as located diagnostics; this throws
/// <see cref="FuzzFailure"/> (a crash to afl) where it does not. Compiled into the fuzz harness
/// and into NvTrap.Compiler.Tests, which replays fuzz/corpus/rules and fuzz/regressions/rules.
/// </summary>
internal static class RulesTarget
{
    /// <summary>Longer inputs are cut here: afl's mutations stay fast, and no real rule file is near it.</summary>
    public const int MaxInputBytes = 64 * 1024;

    public const string FileName = "fuzz.nvtrap.yaml";

    /// <summary>Runs one input; returns the compilation for callers that want to look at it.</summary>
    public static RuleCompilation Run(byte[] input)
    {
        string text = Decode(input);
        var compilation = RuleCompiler.Compile(new[] { new RuleSource(FileName, text) });
        Check(compilation, text);
        foreach (var ruleset in compilation.Rulesets)
        {
            // The real code, or the stand-in the generator emits for a ruleset with errors.
            if ((ruleset.Lowered ?? ruleset.StandIn) is { } lowered)
            {
                var files = RulesetEmitter.Emit(lowered, new RulesetTarget("Fuzz", EquatableArray<string>.Empty, "FuzzTraps", lowered.Name));
                if (files.Count == 0)
                {
                    throw new FuzzFailure($"the emitter wrote no file for ruleset '{lowered.Name}'");
                }
            }
        }

        return compilation;
    }

    /// <summary>
    /// The bytes as the tool reads a rule file (File.ReadAllText with UTF-8): a byte-order mark
    /// picks the encoding and is dropped, invalid sequences become U+FFFD.
    /// </summary>
    public static string Decode(byte[] input)
    {
        int length = Math.Min(input.Length, MaxInputBytes);
        using var reader = new StreamReader(new MemoryStream(input, 0, length, writable: false), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>No internal compiler error, and every diagnostic (and its related location) inside the file.</summary>
    public static void Check(RuleCompilation compilation, string text)
    {
        int lines = CountLines(text);
        foreach (var diagnostic in compilation.Diagnostics)
        {
            if (diagnostic.Id == "NVT090")
            {
                throw new FuzzFailure($"internal compiler error: {diagnostic.ToDisplayString()}", ReproduceInternalError(text));
            }

            CheckSpan(diagnostic, diagnostic.Span, lines, "location");
            if (diagnostic.Related is { } related)
            {
                CheckSpan(diagnostic, related, lines, "related location");
            }
        }
    }

    /// <summary>
    /// NVT090 carries only the exception's message: run the phases again without the compiler's
    /// guard to get the exception itself, with its stack, for triage.
    /// </summary>
    private static Exception? ReproduceInternalError(string text)
    {
        try
        {
            var diagnostics = new List<RuleDiagnostic>();
            var syntax = RuleFileParser.Parse(FileName, text, diagnostics);
            if (syntax?.Ruleset is { } name)
            {
                var bound = Binder.Bind(name.Text, new[] { syntax }, diagnostics);
                RulesetChecker.Check(bound, diagnostics);
                if (!diagnostics.Any(d => d.IsError))
                {
                    Lowerer.Lower(bound, diagnostics);
                }
            }

            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    private static void CheckSpan(RuleDiagnostic diagnostic, SourceSpan span, int lines, string what)
    {
        if (span.Path != FileName)
        {
            throw new FuzzFailure($"{what} names file '{span.Path}', not the one compiled: {diagnostic.ToDisplayString()}");
        }

        if (span.StartLine < 1 || span.StartLine > lines + 1 || span.StartColumn < 1)
        {
            throw new FuzzFailure($"{what} ({span.StartLine},{span.StartColumn}) is outside the text ({lines} lines): {diagnostic.ToDisplayString()}");
        }
    }

    /// <summary>
    /// Lines as YAML (and Roslyn's SourceText) count them: CR LF, CR, LF, NEL, LS and PS each end
    /// one. A text without a final line break still has its last line.
    /// </summary>
    public static int CountLines(string text)
    {
        int lines = 1;
        for (int i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '\r':
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    lines++;
                    break;
                case '\n':
                case '\u0085':
                case '\u2028':
                case '\u2029':
                    lines++;
                    break;
            }
        }

        return lines;
    }
}
