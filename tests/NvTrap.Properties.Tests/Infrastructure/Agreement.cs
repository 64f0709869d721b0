using Microsoft.CodeAnalysis;
using NvTrap.Compiler;

namespace NvTrap.Properties.Tests.Infrastructure;

/// <summary>
/// The contract between check and the build for one set of rule files: check never fails inside
/// (no exception, no NVT090) and locates every diagnostic in the files; the generator does not
/// throw and reports exactly what check shows, span for span, and besides that only NVT080 for a
/// target whose ruleset the files no longer name; and it writes code for exactly the targets whose
/// ruleset check compiled without errors.
/// </summary>
internal static class Agreement
{
    /// <summary>Check, guarded: an exception is a failure of the contract, not of the test.</summary>
    public static RuleCompilation Check(IReadOnlyList<RuleFile> files) => Check(() => RuleCompiler.Compile(files.Select(f => new RuleSource(f.Path, f.Text))));

    public static RuleCompilation Check(Func<RuleCompilation> compile)
    {
        try
        {
            return compile();
        }
        catch (Exception ex)
        {
            throw new PropertyFailure("check-threw:" + ex.GetType().Name, "check threw: " + ex);
        }
    }

    public static void Verify(IReadOnlyList<RuleFile> files, RuleCompilation check, GeneratorRunResult build, IReadOnlyList<Target> targets)
    {
        var lines = new Dictionary<string, TextLines>(StringComparer.Ordinal);
        foreach (var diagnostic in check.Diagnostics)
        {
            if (diagnostic.Id == "NVT090")
            {
                throw new PropertyFailure("NVT090:check", "check reported an internal error: " + diagnostic.ToDisplayString());
            }

            Located.Check(files, lines, diagnostic);
        }

        if (build.Exception is not null)
        {
            throw new PropertyFailure("generator-threw:" + build.Exception.GetType().Name, "the generator threw: " + build.Exception);
        }

        var paths = new HashSet<string>(files.Select(f => f.Path), StringComparer.Ordinal);
        var inRules = new List<string>();
        foreach (var diagnostic in build.Diagnostics)
        {
            if (diagnostic.Id == "NVT090")
            {
                throw new PropertyFailure("NVT090:build", "the build reported an internal error: " + DiagnosticLine.Of(diagnostic));
            }

            string path = diagnostic.Location.GetLineSpan().Path;
            if (paths.Contains(path))
            {
                inRules.Add(DiagnosticLine.Of(diagnostic));
            }
            else if (!(diagnostic.Id == "NVT080" && MissingRuleset(check, targets, path)))
            {
                throw new PropertyFailure("build-only:" + diagnostic.Id, "the build reported a diagnostic outside the rule files that check cannot have: " + DiagnosticLine.Of(diagnostic));
            }
        }

        var shown = check.ShownDiagnostics.Select(DiagnosticLine.Of).ToList();
        var missing = Except(shown, inRules);
        var extra = Except(inRules, shown);
        if (missing.Count > 0 || extra.Count > 0)
        {
            string kind = "disagree:" + string.Join(",", missing.Concat(extra).Select(Id).Distinct().Order(StringComparer.Ordinal).Take(3));
            throw new PropertyFailure(kind, $"check showed {shown.Count} diagnostics and the build {inRules.Count}, not the same:\n"
                + string.Join("\n", missing.Take(5).Select(l => "  check only: " + l).Concat(extra.Take(5).Select(l => "  build only: " + l))));
        }

        // Every target gets code: the real code when check compiled its ruleset, else the stand-in.
        foreach (var target in targets)
        {
            bool compiled = check.Find(target.Ruleset) is { HasErrors: false };
            var sources = build.GeneratedSources.Where(s => s.HintName.StartsWith(target.TypeName + ".", StringComparison.Ordinal)).ToList();
            bool standIn = sources.Any(s => s.SourceText.ToString().Contains("//   " + NvTrap.Compiler.Emitting.RulesetEmitter.StandInMarker, StringComparison.Ordinal));
            if (sources.Count == 0 || compiled == standIn)
            {
                string made = sources.Count == 0 ? "generated nothing" : standIn ? "generated a stand-in" : "generated the real code";
                throw new PropertyFailure("generated-mismatch", $"check {(compiled ? "compiled" : "refused")} ruleset '{target.Ruleset}' but the build {made} for {target.TypeName}");
            }
        }
    }

    /// <summary>The build's NVT080 at a target is right when check has no such ruleset and every file named its ruleset.</summary>
    private static bool MissingRuleset(RuleCompilation check, IReadOnlyList<Target> targets, string path)
    {
        var target = targets.FirstOrDefault(t => path.StartsWith(t.Namespace + ".", StringComparison.Ordinal));
        return target is not null && check.Find(target.Ruleset) is null && check.Files.All(f => f.Syntax?.Ruleset is not null);
    }

    private static string Id(string line)
    {
        int colon = line.IndexOf(": ", StringComparison.Ordinal);
        var words = line[(colon + 2)..].Split(' ', 3);
        return words.Length > 1 ? words[1].TrimEnd(':') : "?";
    }

    /// <summary>The lines of <paramref name="a"/> not matched one for one in <paramref name="b"/>.</summary>
    private static List<string> Except(IEnumerable<string> a, IEnumerable<string> b)
    {
        var counts = b.GroupBy(x => x, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var left = new List<string>();
        foreach (string x in a)
        {
            if (counts.TryGetValue(x, out int n) && n > 0)
            {
                counts[x] = n - 1;
            }
            else
            {
                left.Add(x);
            }
        }

        return left;
    }
}
