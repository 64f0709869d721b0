using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Enumeration;
using System.Linq;
using NvTrap.Compiler;

namespace NvTrap.Cli.Rulesets;

/// <summary>A rule file found: its path as the user spells it, and its identity (the path with every link resolved).</summary>
internal readonly record struct FoundRuleFile(string Path, string Identity);

/// <summary>
/// Searches a folder for <c>*.nvtrap.yaml</c> files as the build's glob finds them in a project:
/// recursively, without the <c>bin/</c> and <c>obj/</c> folders, which hold build output (copies of
/// rule files among it). They are skipped at any depth, since a folder holding several projects
/// holds their bin/ and obj/ too. Hidden folders are skipped as well, as before.
/// <para>
/// Folder symbolic links are followed, but each folder is searched once, however many ways lead
/// to it: a link back to a folder above it (a cycle) or a second link to a folder already
/// searched is not followed. The real tree is searched before any link, so a file inside the
/// given folder keeps its own path rather than one through a link.
/// </para>
/// </summary>
internal static class RuleFolderSearch
{
    /// <summary>Folder names never searched below a given folder: build output.</summary>
    public static readonly IReadOnlyList<string> SkippedFolders = ["bin", "obj"];

    /// <summary>How many symbolic links in a row are resolved before a path counts as a loop (Linux's limit).</summary>
    private const int MaxLinks = 40;

    /// <summary>Paths compare as the platform's file systems usually do.</summary>
    public static StringComparer PathComparer { get; } =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    private static readonly EnumerationOptions OneFolder = new()
    {
        RecurseSubdirectories = false,
        // A folder that cannot be read must be reported, not skipped: its rules would be missing.
        IgnoreInaccessible = false,
    };

    /// <summary>
    /// The rule files under <paramref name="folder"/>, in no particular order. Throws
    /// <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/> for a folder that
    /// cannot be listed.
    /// </summary>
    public static List<FoundRuleFile> Find(string folder)
    {
        var found = new List<FoundRuleFile>();
        var searched = new HashSet<string>(PathComparer);
        var real = new Stack<(string Path, string Identity)>();
        var links = new Queue<string>();
        Enter(folder, searched, real);
        while (real.Count > 0 || links.Count > 0)
        {
            if (real.Count == 0)
            {
                Enter(links.Dequeue(), searched, real);
                continue;
            }

            var (directory, identity) = real.Pop();
            foreach (var entry in Entries(directory))
            {
                string path = System.IO.Path.Join(directory, entry.Name);
                if (entry.IsDirectory)
                {
                    if (SkippedFolders.Contains(entry.Name, PathComparer))
                    {
                        continue;
                    }

                    if (entry.IsLink)
                    {
                        // Followed once the real tree is searched, and only to a folder not yet searched.
                        links.Enqueue(path);
                    }
                    else if (searched.Add(System.IO.Path.Join(identity, entry.Name)))
                    {
                        real.Push((path, System.IO.Path.Join(identity, entry.Name)));
                    }
                }
                else if (entry.Name.EndsWith(RuleCompiler.FileSuffix, StringComparison.OrdinalIgnoreCase))
                {
                    found.Add(new FoundRuleFile(path, entry.IsLink ? IdentityOf(path) : System.IO.Path.Join(identity, entry.Name)));
                }
            }
        }

        return found;
    }

    /// <summary>
    /// A path's identity: absolute, with every symbolic link in it resolved, as realpath(3) gives
    /// it; for a path whose links loop, the absolute path itself.
    /// </summary>
    public static string IdentityOf(string path) => Resolve(path) ?? System.IO.Path.GetFullPath(path);

    private static void Enter(string folder, HashSet<string> searched, Stack<(string, string)> real)
    {
        // A loop of links has no real path: it leads to no folder.
        if (Resolve(folder) is { } identity && searched.Add(identity))
        {
            real.Push((folder, identity));
        }
    }

    private static List<(string Name, bool IsDirectory, bool IsLink)> Entries(string directory)
    {
        var entries = new FileSystemEnumerable<(string Name, bool IsDirectory, bool IsLink)>(
            directory,
            (ref FileSystemEntry entry) => (entry.FileName.ToString(), entry.IsDirectory, (entry.Attributes & FileAttributes.ReparsePoint) != 0),
            OneFolder).ToList();
        // Sorted, so which of two links to one folder is followed does not depend on the file system's order.
        entries.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return entries;
    }

    /// <summary>The path with every link resolved, one component at a time, or null if links loop.</summary>
    private static string? Resolve(string path)
    {
        string full = System.IO.Path.GetFullPath(path);
        string root = System.IO.Path.GetPathRoot(full)!;
        var pending = new Stack<string>();
        Push(pending, full[root.Length..]);
        string current = root;
        int links = 0;
        while (pending.TryPop(out string? part))
        {
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = System.IO.Path.GetDirectoryName(current) ?? current;
                continue;
            }

            string next = System.IO.Path.Join(current, part);
            string? target = new FileInfo(next).LinkTarget;
            if (target is null)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                return null;
            }

            // A relative target is relative to the folder holding the link, which is current.
            if (System.IO.Path.IsPathRooted(target))
            {
                current = System.IO.Path.GetPathRoot(target)!;
                target = target[current.Length..];
            }

            Push(pending, target);
        }

        return current;
    }

    private static void Push(Stack<string> pending, string relative)
    {
        var parts = relative.Split([System.IO.Path.DirectorySeparatorChar, System.IO.Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
        for (int i = parts.Length - 1; i >= 0; i--)
        {
            pending.Push(parts[i]);
        }
    }
}
