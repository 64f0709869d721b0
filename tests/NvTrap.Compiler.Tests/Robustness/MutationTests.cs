using NvTrap.Compiler;

namespace NvTrap.Compiler.Tests.Robustness;

/// <summary>
/// Damaged rule files — characters deleted, duplicated, swapped or replaced at random in the real
/// Linux ruleset — must always come back as located diagnostics, never as an exception or an
/// unlocated message.
/// </summary>
public class MutationTests
{
    private const string Alphabet = " \n\t:,-[]{}#&*!|>'\"%@`0123456789abcxyzABCXYZ_.<>?";

    [Fact]
    public void Mutated_rule_files_never_crash_the_compiler()
    {
        string root = Path.Combine(NvTrap.Testing.RepositoryPaths.Root, "rules", "linux-6.6");
        var files = Directory.EnumerateFiles(root, "*.nvtrap.yaml", SearchOption.AllDirectories)
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => new RuleSource(Path.GetRelativePath(root, f), File.ReadAllText(f)))
            .ToList();
        var random = new Random(4242);
        int withErrors = 0;
        for (int round = 0; round < 400; round++)
        {
            int victim = random.Next(files.Count);
            var mutated = files.Select((f, i) => i == victim ? f with { Text = Mutate(f.Text, random) } : f).ToList();
            RuleCompilation compilation;
            try
            {
                compilation = RuleCompiler.Compile(mutated);
            }
            catch (Exception ex)
            {
                Assert.Fail($"round {round}: the compiler threw on a mutation of {files[victim].Path}: {ex}");
                return;
            }

            Assert.DoesNotContain(compilation.Diagnostics, d => d.Id == "NVT090");
            foreach (var diagnostic in compilation.Diagnostics)
            {
                Assert.True(diagnostic.Span.StartLine >= 1 && diagnostic.Span.StartColumn >= 1, diagnostic.ToDisplayString());
                Assert.Contains(diagnostic.Span.Path, files.Select(f => f.Path));
            }

            withErrors += compilation.HasErrors ? 1 : 0;
        }

        // Most mutations break something; if none did, the mutator is not doing its job.
        Assert.True(withErrors > 100, $"only {withErrors} of 400 mutations produced an error");
    }

    private static string Mutate(string text, Random random)
    {
        var chars = text.ToList();
        int edits = 1 + random.Next(4);
        for (int e = 0; e < edits && chars.Count > 0; e++)
        {
            int at = random.Next(chars.Count);
            switch (random.Next(4))
            {
                case 0:
                    chars.RemoveAt(at);
                    break;
                case 1:
                    chars.Insert(at, Alphabet[random.Next(Alphabet.Length)]);
                    break;
                case 2:
                    chars[at] = Alphabet[random.Next(Alphabet.Length)];
                    break;
                default:
                    int length = Math.Min(chars.Count - at, 1 + random.Next(40));
                    chars.InsertRange(random.Next(chars.Count), chars.GetRange(at, length));
                    break;
            }
        }

        return new string(chars.ToArray());
    }
}
