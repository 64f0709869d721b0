using NvTrap.Compiler.Diagnostics;
using NvTrap.Compiler.Syntax;

namespace NvTrap.Compiler.Schema;

/// <summary>
/// A JSON Schema NvTrap ships in docs/schema (and in the generator package's schema/ folder): its
/// file name, its title, and the key table of the files it describes.
/// </summary>
internal sealed class ShippedSchema
{
    public ShippedSchema(string fileName, string title, KeyTable root)
    {
        FileName = fileName;
        Title = title;
        Root = root;
    }

    public string FileName { get; }

    public string Title { get; }

    public KeyTable Root { get; }

    /// <summary>
    /// The schema's stable <c>$id</c>: where the main branch keeps the file, under the repository
    /// address the packages declare (set once, in Directory.Build.props).
    /// </summary>
    public string Id => $"{HelpLinks.RepositoryUrl}/raw/main/{ShippedSchemas.Folder}/{FileName}";

    /// <summary>The schema's text, exactly as it is checked in.</summary>
    public string Generate() => SchemaGenerator.Generate(this);
}
