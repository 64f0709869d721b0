using System.IO;
using NvTrap.Compiler.Schema;

namespace NvTrap.Kernel.Import;

/// <summary>
/// Where the rule files an import writes should find their schema. Written inside an NvTrap
/// checkout (the usual case: rules/&lt;ruleset&gt;), the modeline is a relative path to its
/// docs/schema, which an editor reads offline and which follows the checkout's own version of
/// the language; anywhere else it is the schema's published address.
/// </summary>
internal static class RuleSchemaLocation
{
    /// <summary>The schema as <see cref="RulesetWriter.Write"/> takes it, for files written to <paramref name="folder"/>.</summary>
    public static string For(string folder)
    {
        string full = Path.GetFullPath(folder);
        for (var directory = new DirectoryInfo(full); directory is not null; directory = directory.Parent)
        {
            string schema = Path.Combine(directory.FullName, ShippedSchemas.Folder, ShippedSchemas.Rules.FileName);
            if (File.Exists(schema))
            {
                return Path.GetRelativePath(full, schema).Replace('\\', '/');
            }
        }

        return ShippedSchemas.Rules.Id;
    }
}
