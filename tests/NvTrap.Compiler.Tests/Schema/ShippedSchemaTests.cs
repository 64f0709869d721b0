using NvTrap.Compiler.Schema;
using NvTrap.Testing;

namespace NvTrap.Compiler.Tests.Schema;

/// <summary>
/// docs/schema holds exactly what the parser's key tables generate, so the schema editors use
/// cannot drift from the language the compiler reads: a change to a table fails here until the
/// files are regenerated and committed.
/// </summary>
public class ShippedSchemaTests
{
    /// <summary>What to run after changing the language; the message of every mismatch says it.</summary>
    internal const string Regenerate = "NVTRAP_ACCEPT_SNAPSHOTS=1 dotnet test tests/NvTrap.Compiler.Tests -c Release --filter FullyQualifiedName~ShippedSchemaTests";

    public static TheoryData<string> Schemas => new(ShippedSchemas.All.Select(s => s.FileName));

    [Theory]
    [MemberData(nameof(Schemas))]
    public void The_checked_in_schema_is_what_the_key_tables_generate(string fileName)
    {
        var schema = ShippedSchemas.All.Single(s => s.FileName == fileName);
        string path = Path.Combine(RepositoryPaths.Root, ShippedSchemas.Folder, fileName);
        string expected = schema.Generate();
        if (Environment.GetEnvironmentVariable("NVTRAP_ACCEPT_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, expected);
        }

        Assert.True(File.Exists(path), $"{ShippedSchemas.Folder}/{fileName} is missing. Generate it with: {Regenerate}");
        string actual = File.ReadAllText(path).Replace("\r\n", "\n");
        if (actual == expected)
        {
            return;
        }

        var actualLines = actual.Split('\n');
        var expectedLines = expected.Split('\n');
        int line = 0;
        while (line < actualLines.Length && line < expectedLines.Length && actualLines[line] == expectedLines[line])
        {
            line++;
        }

        Assert.Fail($"{ShippedSchemas.Folder}/{fileName} is not what the parser's key tables generate (first difference at line {line + 1}):\n"
            + $"- {(line < actualLines.Length ? actualLines[line] : "<end of file>")}\n+ {(line < expectedLines.Length ? expectedLines[line] : "<end of file>")}\n"
            + $"Regenerate it, review the difference and commit it: {Regenerate}");
    }

    [Fact]
    public void Each_schema_has_a_stable_id_under_the_repository_address()
    {
        foreach (var schema in ShippedSchemas.All)
        {
            Assert.Equal($"https://github.com/nvtrap/nvtrap/raw/main/docs/schema/{schema.FileName}", schema.Id);
        }
    }
}
